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

/// <summary>One run of the sweep.</summary>
public sealed record RunProgress
{
    public required string Id { get; init; }

    public required string Study { get; init; }

    public required IReadOnlyList<string> Models { get; init; }

    public string? Seed { get; init; }

    public IReadOnlyList<SweepParameter> Parameters { get; init; } = [];

    public required string Lane { get; init; }

    public RunPhase Phase { get; init; }

    /// <summary>Finished trials (ok).</summary>
    public int Done { get; init; }

    /// <summary>Planned trials; null until the run has been planned once.</summary>
    public int? Total { get; init; }

    /// <summary>Trials whose newest attempt failed.</summary>
    public int FailedTrials { get; init; }

    public double TrialsPerSecond { get; init; }

    public double? EtaSeconds { get; init; }

    public int Attempts { get; init; }

    public string? Error { get; init; }

    /// <summary>Done, or failed for good.</summary>
    public bool Settled { get; init; }

    /// <summary>The run's results folder.</summary>
    public required string Results { get; init; }
}
