namespace Studies.Experiments.Sweeps;

/// <summary>
/// The sweep's progress: `studies status` prints it, `--status-port` serves it as JSON, the heartbeat logs its summary.
/// </summary>
public sealed record SweepStatus
{
    public required string Name { get; init; }

    public required string StateDirectory { get; init; }

    /// <summary>The pid of the daemon working on the folder, or null when none runs.</summary>
    public int? DaemonPid { get; init; }

    public DateTimeOffset GeneratedUtc { get; init; }

    /// <summary>The runs of the points the sweep holds now, in sweep order.</summary>
    public IReadOnlyList<RunProgress> Runs { get; init; } = [];

    /// <summary>Runs of points that left the sweep: kept as they are, not counted.</summary>
    public IReadOnlyList<RunProgress> Retired { get; init; } = [];

    public int RunsDone => Runs.Count(r => r.Phase == RunPhase.Done);

    public int RunsRunning => Runs.Count(r => r.Phase == RunPhase.Running);

    public int RunsFailed => Runs.Count(r => r.Phase == RunPhase.Failed);

    /// <summary>Every run is done.</summary>
    public bool Complete => Runs.Count > 0 && RunsDone == Runs.Count;

    /// <summary>Every run is done or failed for good: the daemon writes the report.</summary>
    public bool Settled => Runs.Count > 0 && Runs.All(r => r.Settled);

    public double TrialsPerSecond => Runs.Where(r => r.Phase == RunPhase.Running).Sum(r => r.TrialsPerSecond);

    /// <summary>Seconds until the known trials are done at the current rate (null when unknown or nothing runs).</summary>
    public double? EtaSeconds
    {
        get
        {
            if (DaemonPid is null || TrialsPerSecond <= 0 || Runs.Any(r => !r.Settled && r.Total is null))
            {
                return null;
            }

            return Runs.Where(r => !r.Settled).Sum(r => Math.Max(0, r.Total!.Value - r.Done - r.FailedTrials)) / TrialsPerSecond;
        }
    }

    /// <summary>The last line of `studies status`, e.g. "sweep complete: 6/6 runs done".</summary>
    public string Summary
    {
        get
        {
            string counts = $"{RunsDone}/{Runs.Count} runs done";
            int failedTrials = Runs.Sum(r => r.FailedTrials);
            string trials = failedTrials > 0 ? $" ({failedTrials} failed trial{(failedTrials == 1 ? "" : "s")})" : "";
            if (Runs.Count == 0)
            {
                return "sweep empty: no runs yet" + (DaemonPid is null ? " (no daemon running)" : $" (daemon pid {DaemonPid})");
            }

            if (Complete)
            {
                return $"sweep complete: {counts}{trials}";
            }

            if (Settled)
            {
                return $"sweep finished with failures: {counts}, {RunsFailed} failed{trials}";
            }

            string state = $"{counts}, {RunsRunning} running, {RunsFailed} failed{trials}";
            return DaemonPid is { } pid
                ? $"sweep in progress: {state}; daemon pid {pid}" + (EtaSeconds is { } eta ? $", ETA {Durations.Format(eta)}" : "")
                : $"sweep stopped: {state}; no daemon running (start `studies daemon` with the same --state to resume)";
        }
    }
}
