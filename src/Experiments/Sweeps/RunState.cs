using System.Text.Json.Serialization;

namespace Studies.Experiments.Sweeps;

/// <summary>
/// runs/&lt;id&gt;/state.json: the daemon's bookkeeping of one run, rewritten atomically at each transition. Trial
/// counts are a cache: the results folder (trials.jsonl) is the truth, and status recounts from it.
/// </summary>
public sealed record RunState
{
    public RunPhase Phase { get; init; } = RunPhase.Pending;

    /// <summary>Times a daemon started (or resumed) the run.</summary>
    public int Attempts { get; init; }

    /// <summary>Why the run failed (one sentence, or the study's problems with file:line).</summary>
    public string? Error { get; init; }

    /// <summary>
    /// A failed run is tried again (after <see cref="NextAttemptUtc"/>) when the failure may pass (a fault, not a broken
    /// study) and attempts are left; false once it has failed for good.
    /// </summary>
    public bool Retryable { get; init; }

    public DateTimeOffset? NextAttemptUtc { get; init; }

    /// <summary>Planned trials (known once the run has been planned).</summary>
    public int? Total { get; init; }

    /// <summary>Trials with an ok line, at the last transition.</summary>
    public int Succeeded { get; init; }

    /// <summary>Trials whose newest line is a failure, at the last transition.</summary>
    public int FailedTrials { get; init; }

    public DateTimeOffset? StartedUtc { get; init; }

    public DateTimeOffset? FinishedUtc { get; init; }

    public DateTimeOffset UpdatedUtc { get; init; }

    /// <summary>Done, or failed for good: nothing more will happen without a change to the sweep.</summary>
    [JsonIgnore]
    public bool IsSettled => Phase == RunPhase.Done || (Phase == RunPhase.Failed && !Retryable);
}
