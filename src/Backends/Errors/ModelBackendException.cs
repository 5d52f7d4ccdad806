namespace Studies.Backends;

/// <summary>
/// A problem the user can fix (bad model file, prompt too long, unsupported input). The message says what happened
/// and what to do; the CLI prints it without a stack trace.
/// </summary>
public class ModelBackendException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The model file is missing, not a GGUF, corrupt or truncated.</summary>
public sealed class ModelFileException(string path, string problem)
    : ModelBackendException($"{path}: {problem}")
{
    public string Path { get; } = path;
}

/// <summary>The prompt does not fit the model's context window.</summary>
public sealed class PromptTooLongException(int promptTokens, int contextLength)
    : ModelBackendException($"The prompt is {promptTokens} tokens long but the model's context holds {contextLength}: shorten the prompt (fewer shots, shorter demonstrations) or raise the context size.")
{
    public int PromptTokens { get; } = promptTokens;

    public int ContextLength { get; } = contextLength;
}

/// <summary>The text has characters the model's vocabulary cannot encode (llama.cpp would abort the process on them).</summary>
public sealed class UnencodableTextException(string model, IReadOnlyList<string> characters, string text)
    : ModelBackendException($"Model {model} cannot encode {string.Join(", ", characters.Select(Describe))} (its vocabulary has no byte fallback) in: \"{Excerpt(text)}\". Remove or replace these characters in the dataset, or use a model with byte fallback.")
{
    public IReadOnlyList<string> Characters { get; } = characters;

    internal static string Describe(string c) =>
        c.Length == 1 && !char.IsControl(c[0]) ? $"'{c}' (U+{(int)c[0]:X4})" : $"U+{char.ConvertToUtf32(c, 0):X4}";

    private static string Excerpt(string text) => text.Length <= 80 ? text : text[..77] + "...";
}

/// <summary>A backend was asked for something it declared it cannot do.</summary>
public sealed class CapabilityException(string message) : ModelBackendException(message);
