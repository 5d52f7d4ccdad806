namespace Studies.Experiments.Scheduling;

/// <summary>What a scheduler run did.</summary>
public sealed record RunOutcome
{
    public required RunStatus Status { get; init; }

    public required string Folder { get; init; }

    public int Planned { get; init; }

    public int Skipped { get; init; }

    public int Succeeded { get; init; }

    public int Failed { get; init; }

    /// <summary>Planned trials without a line yet (interrupted before they started, or aborted mid-way).</summary>
    public int NotRun { get; init; }

    public TimeSpan Elapsed { get; init; }

    /// <summary>A sentence for the user ("Interrupted: 120 of 500 trials left. Resume with the same command.").</summary>
    public required string Message { get; init; }
}
