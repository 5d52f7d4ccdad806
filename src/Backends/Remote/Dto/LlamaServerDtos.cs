using System.Text.Json.Serialization;

namespace Studies.Backends.Remote.Dto;

/// <summary>POST /completion (llama-server's native API). Every sampler is set so the server's defaults never apply.</summary>
internal sealed record NativeCompletionRequest
{
    public required LlamaPrompt Prompt { get; init; }

    public int NPredict { get; init; }

    public float Temperature { get; init; }

    public int TopK { get; init; }

    public float TopP { get; init; } = 1f;

    public float MinP { get; init; }

    public float TypicalP { get; init; } = 1f;

    public float RepeatPenalty { get; init; } = 1f;

    public float PresencePenalty { get; init; }

    public float FrequencyPenalty { get; init; }

    public float DryMultiplier { get; init; }

    public float XtcProbability { get; init; }

    public float TopNSigma { get; init; } = -1f;

    public long Seed { get; init; }

    public int NProbs { get; init; }

    public bool PostSamplingProbs { get; init; }

    public IReadOnlyList<string> Stop { get; init; } = [];

    public bool CachePrompt { get; init; } = true;

    /// <summary>The sampler order, llama.cpp's (and the local backend's): top-k, top-p, min-p, temperature.</summary>
    public IReadOnlyList<string> Samplers { get; init; } = ["top_k", "top_p", "min_p", "temperature"];

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Grammar { get; init; }

    public bool ReturnTokens { get; init; } = true;

    public bool Stream { get; init; }
}

internal sealed record NativeCompletionResponse
{
    public string? Content { get; init; }

    public List<int>? Tokens { get; init; }

    public int TokensPredicted { get; init; }

    public int TokensEvaluated { get; init; }

    public int TokensCached { get; init; }

    public bool Truncated { get; init; }

    public string? StopType { get; init; }

    public string? StoppingWord { get; init; }

    public NativeTimings? Timings { get; init; }

    public List<NativeTokenProb>? CompletionProbabilities { get; init; }
}

internal sealed record NativeTimings
{
    public int CacheN { get; init; }

    public int PromptN { get; init; }

    public double PromptMs { get; init; }

    public int PredictedN { get; init; }

    public double PredictedMs { get; init; }
}

/// <summary>A token with its logprob and its top alternatives (also llama-server's /v1 "logprobs.content" entries).</summary>
internal sealed record NativeTokenProb
{
    public int Id { get; init; } = -1;

    public string? Token { get; init; }

    public List<int>? Bytes { get; init; }

    public double Logprob { get; init; }

    public List<NativeTokenProb>? TopLogprobs { get; init; }
}

internal sealed record TokenizeRequest(string Content, bool AddSpecial, bool ParseSpecial);

internal sealed record TokenizeResponse
{
    public List<int> Tokens { get; init; } = [];
}

internal sealed record ApplyTemplateRequest(IReadOnlyList<ChatMessageDto> Messages);

internal sealed record ApplyTemplateResponse
{
    public string? Prompt { get; init; }
}

internal sealed record ChatMessageDto(string Role, string Content);

internal sealed record PropsResponse
{
    public PropsGenerationSettings? DefaultGenerationSettings { get; init; }

    public string? ChatTemplate { get; init; }

    public string? BuildInfo { get; init; }

    public string? ModelPath { get; init; }

    public int TotalSlots { get; init; }
}

internal sealed record PropsGenerationSettings
{
    public int NCtx { get; init; }
}
