using Studies.Experiments.Kinds;
using Studies.Experiments.Scheduling;

namespace Studies.Experiments.Engine;

/// <summary>The end of `studies run`: a status, every problem (when Invalid), warnings, the folder and the scheduler's outcome.</summary>
public sealed record RunResult
{
    public required RunStatus Status { get; init; }

    public IReadOnlyList<StudyProblem> Problems { get; init; } = [];

    public IReadOnlyList<StudyProblem> Warnings { get; init; } = [];

    public string? Folder { get; init; }

    /// <summary>True when an earlier run's folder was resumed.</summary>
    public bool Resumed { get; init; }

    public RunOutcome? Outcome { get; init; }

    /// <summary>One sentence for the user (what happened, and what to do next).</summary>
    public required string Message { get; init; }

    /// <summary>
    /// A suggested process exit code: 0 completed, 1 faulted, 2 invalid, 3 completed with failed trials,
    /// 130 interrupted (as after SIGINT; the message says to resume with the same command).
    /// </summary>
    public int ExitCode => Status switch
    {
        RunStatus.Completed => 0,
        RunStatus.Faulted => 1,
        RunStatus.Invalid => 2,
        RunStatus.CompletedWithFailures => 3,
        _ => 130,
    };
}
