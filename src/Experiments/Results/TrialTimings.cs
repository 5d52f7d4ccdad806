namespace Studies.Experiments.Results;

/// <summary>
/// Everything about a trial that varies from run to run, kept in one field so two runs' trials.jsonl can be diffed
/// (or compared by tools) ignoring it.
/// </summary>
public sealed record TrialTimings
{
    /// <summary>Wall time of the trial's Execute, in milliseconds.</summary>
    public double ElapsedMs { get; init; }

    public DateTimeOffset FinishedUtc { get; init; }
}
