using System.Text.Json;
using System.Text.Json.Serialization;

namespace Studies.Backends.Remote.Dto;

/// <summary>POST /v1/completions. Extra sampler fields are left out when null (the OpenAI API rejects unknown ones).</summary>
internal sealed record OpenAiCompletionRequest
{
    public required string Model { get; init; }

    public required string Prompt { get; init; }

    public int MaxTokens { get; init; }

    public float Temperature { get; init; }

    public float TopP { get; init; } = 1f;

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? TopK { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public float? MinP { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? Seed { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Logprobs { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Echo { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Stop { get; init; }

    public int N { get; init; } = 1;

    public bool Stream { get; init; }
}

internal sealed record OpenAiCompletionResponse
{
    public List<OpenAiCompletionChoice> Choices { get; init; } = [];

    public OpenAiUsage? Usage { get; init; }
}

internal sealed record OpenAiCompletionChoice
{
    public string? Text { get; init; }

    public string? FinishReason { get; init; }

    /// <summary>vLLM: the stop string (or token id) that ended generation; null for end of text.</summary>
    public JsonElement? StopReason { get; init; }

    public OpenAiCompletionLogprobs? Logprobs { get; init; }
}

/// <summary>
/// Logprobs in either shape: the legacy OpenAI one (parallel arrays; vLLM, Ollama) or llama-server's "content" list.
/// </summary>
internal sealed record OpenAiCompletionLogprobs
{
    public List<string>? Tokens { get; init; }

    public List<double?>? TokenLogprobs { get; init; }

    public List<Dictionary<string, double>?>? TopLogprobs { get; init; }

    public List<int>? TextOffset { get; init; }

    public List<NativeTokenProb>? Content { get; init; }
}

internal sealed record OpenAiUsage
{
    public int PromptTokens { get; init; }

    public int CompletionTokens { get; init; }

    public OpenAiPromptTokenDetails? PromptTokensDetails { get; init; }
}

internal sealed record OpenAiPromptTokenDetails
{
    public int CachedTokens { get; init; }
}

internal sealed record ModelsResponse
{
    public List<ModelEntry> Data { get; init; } = [];
}

internal sealed record ModelEntry
{
    public string? Id { get; init; }

    /// <summary>vLLM's context length.</summary>
    public int MaxModelLen { get; init; }

    /// <summary>llama-server's model metadata.</summary>
    public ModelMeta? Meta { get; init; }
}

internal sealed record ModelMeta
{
    public int NVocab { get; init; }

    public int NCtxTrain { get; init; }

    public long NParams { get; init; }

    public long Size { get; init; }
}

/// <summary>vLLM's POST /tokenize.</summary>
internal sealed record VllmTokenizeRequest(string Model, string Prompt, bool AddSpecialTokens);

internal sealed record VllmTokenizeResponse
{
    public List<int> Tokens { get; init; } = [];

    public int Count { get; init; }

    public int MaxModelLen { get; init; }
}
