using Studies.Backends;

namespace Studies.Experiments.Results;

/// <summary>
/// One line of trials.jsonl: a finished trial (ok or failed). Everything but <see cref="Timings"/> is a pure function
/// of the configuration and seed, so identical runs give identical lines. Serialized with snake_case names; null
/// fields are omitted.
/// </summary>
public sealed record TrialRecord
{
    /// <summary>Stable key: hash of model sha256, model, study, condition, item, seed, facets and rendered prompt.</summary>
    public required string Key { get; init; }

    public required string Study { get; init; }

    public required string Kind { get; init; }

    public required string Model { get; init; }

    /// <summary>base or assistant.</summary>
    public required string Role { get; init; }

    public required string Condition { get; init; }

    public IReadOnlyDictionary<string, string> Facets { get; init; } = new Dictionary<string, string>();

    public required string ItemId { get; init; }

    public int Seed { get; init; }

    /// <summary>sha256 (first 32 hex digits) of the rendered main prompt.</summary>
    public required string PromptHash { get; init; }

    public TrialStatus Status { get; init; }

    /// <summary>What went wrong, for failed trials (the exception's message; never a stack trace).</summary>
    public string? Error { get; init; }

    /// <summary>The exception type of a failed trial (e.g. PromptTooLongException), for grouping failures.</summary>
    public string? ErrorType { get; init; }

    public string? Output { get; init; }

    public string? Prediction { get; init; }

    public string? Gold { get; init; }

    public bool? Correct { get; init; }

    public bool ExtractionFailed { get; init; }

    public IReadOnlyDictionary<string, double> Scores { get; init; } = new Dictionary<string, double>();

    public IReadOnlyDictionary<string, double>? LabelLogprobs { get; init; }

    public IReadOnlyList<TokenLogprob>? Tokens { get; init; }

    public IReadOnlyList<string>? Samples { get; init; }

    public int PromptTokens { get; init; }

    public int CompletionTokens { get; init; }

    public TrialTimings Timings { get; init; } = new();
}
