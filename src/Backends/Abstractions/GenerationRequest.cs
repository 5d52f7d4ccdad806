namespace Studies.Backends;

public sealed record GenerationRequest
{
    public required ModelPrompt Prompt { get; init; }

    public SamplingSettings Sampling { get; init; } = SamplingSettings.Greedy;

    public int MaxTokens { get; init; } = 64;

    /// <summary>Generation stops before the first occurrence of any of these strings; the stop string is not returned.</summary>
    public IReadOnlyList<string> Stop { get; init; } = [];

    /// <summary>How many most likely alternatives to report for each generated token (0 = none).</summary>
    public int TopLogprobs { get; init; }
}
