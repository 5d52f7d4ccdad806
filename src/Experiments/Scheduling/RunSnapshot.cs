namespace Studies.Experiments.Scheduling;

/// <summary>A point-in-time view of a run for progress displays. Rates are over a recent window; Eta is null until known.</summary>
public sealed record RunSnapshot
{
    public required string Folder { get; init; }

    public TimeSpan Elapsed { get; init; }

    public int Total { get; init; }

    /// <summary>Finished by earlier sessions (skipped now).</summary>
    public int Skipped { get; init; }

    public int Succeeded { get; init; }

    public int Failed { get; init; }

    public int InFlight { get; init; }

    public int Completed => Skipped + Succeeded + Failed;

    public int Remaining => Math.Max(0, Total - Completed);

    public double TrialsPerSecond { get; init; }

    /// <summary>Tokens evaluated (prompt tokens after prefix reuse) plus tokens generated, per second.</summary>
    public double TokensPerSecond { get; init; }

    public TimeSpan? Eta { get; init; }

    public IReadOnlyList<StudyProgress> Studies { get; init; } = [];
}

/// <summary>One study's share of a run.</summary>
public sealed record StudyProgress(string Study, int Total, int Completed, int Failed);

/// <summary>A trial that failed (it is recorded; the run goes on).</summary>
public sealed record TrialFailure(string Study, string Model, string Condition, string ItemId, string Key, string ErrorType, string Message);
