namespace Studies.Backends;

/// <summary>A chat message; roles are "system", "user" and "assistant".</summary>
public sealed record ChatMessage(string Role, string Content);

/// <summary>
/// A prompt is either raw text (base models) or a list of chat messages (assistant models; the backend applies the
/// model's chat template and ends with the assistant prefix).
/// </summary>
public sealed record ModelPrompt
{
    private ModelPrompt(string? text, IReadOnlyList<ChatMessage>? messages)
    {
        Text = text;
        Messages = messages;
    }

    public string? Text { get; }

    public IReadOnlyList<ChatMessage>? Messages { get; }

    public bool IsChat => Messages is not null;

    public static ModelPrompt Raw(string text) => new(text ?? throw new ArgumentNullException(nameof(text)), null);

    public static ModelPrompt Chat(IReadOnlyList<ChatMessage> messages) =>
        new(null, messages is { Count: > 0 } ? messages : throw new ArgumentException("A chat prompt needs at least one message.", nameof(messages)));

    public static ModelPrompt User(string content) => Chat([new ChatMessage("user", content)]);

    public override string ToString() => Text ?? string.Join("\n", Messages!.Select(m => $"{m.Role}: {m.Content}"));
}
