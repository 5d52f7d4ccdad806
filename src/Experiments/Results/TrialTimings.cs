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

    /// <summary>
    /// Tokens the backend actually evaluated (after KV-cache prefix reuse). It depends on which context ran the trial
    /// and what ran there before, i.e. on scheduling, so it lives here with the other run-to-run measurements.
    /// </summary>
    public int EvaluatedTokens { get; init; }
}
