namespace Studies.Backends;

/// <summary>Teacher-forced scoring of candidate continuations after a shared prefix.</summary>
public sealed record ScoringRequest
{
    public required ModelPrompt Prefix { get; init; }

    public required IReadOnlyList<string> Candidates { get; init; }

    /// <summary>How many most likely alternatives to report at each candidate position (0 = none).</summary>
    public int TopLogprobs { get; init; }
}
