namespace Studies.Backends;

/// <summary>What a backend can do; studies that need more are refused at validation, not mid-run.</summary>
public sealed record BackendCapabilities
{
    /// <summary>Teacher-forced scoring of given continuations (needs prompt log-probabilities).</summary>
    public bool PromptScoring { get; init; }

    /// <summary>The largest number of top alternatives per token the backend returns (0 = no logprobs at all).</summary>
    public int MaxTopLogprobs { get; init; }

    /// <summary>Per-token log-probabilities of generated text.</summary>
    public bool GenerationLogprobs { get; init; }

    /// <summary>The largest n for <see cref="ILanguageModel.SampleAsync"/> in one call.</summary>
    public int MaxSamples { get; init; } = 1;

    /// <summary>Raw text completion (base models).</summary>
    public bool RawCompletion { get; init; }

    /// <summary>Chat prompts.</summary>
    public bool Chat { get; init; }

    /// <summary>Outputs are a pure function of the request and seed.</summary>
    public bool Deterministic { get; init; }
}
