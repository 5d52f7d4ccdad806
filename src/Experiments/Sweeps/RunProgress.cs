namespace Studies.Experiments.Sweeps;

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
