using System.Text.Json;
using System.Text.Json.Serialization;

namespace Studies.Backends.Remote.Dto;

/// <summary>llama-server accepts a prompt as text or as token ids; ids let scoring send exactly the tokens it chose.</summary>
[JsonConverter(typeof(LlamaPromptConverter))]
internal sealed record LlamaPrompt(string? Text, IReadOnlyList<int>? Tokens)
{
    public static LlamaPrompt Of(string text) => new(text, null);

    public static LlamaPrompt Of(IReadOnlyList<int> tokens) => new(null, tokens);
}

internal sealed class LlamaPromptConverter : JsonConverter<LlamaPrompt>
{
    public override LlamaPrompt Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return LlamaPrompt.Of(reader.GetString()!);
        }

        var tokens = new List<int>();
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("A prompt is a string or an array of token ids.");
        }

        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            tokens.Add(reader.GetInt32());
        }

        return LlamaPrompt.Of(tokens);
    }

    public override void Write(Utf8JsonWriter writer, LlamaPrompt value, JsonSerializerOptions options)
    {
        if (value.Text is not null)
        {
            writer.WriteStringValue(value.Text);
            return;
        }

        writer.WriteStartArray();
        foreach (int t in value.Tokens ?? [])
        {
            writer.WriteNumberValue(t);
        }

        writer.WriteEndArray();
    }
}
