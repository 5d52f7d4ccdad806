namespace Studies.Experiments.Scheduling;

/// <summary>
/// Observes a run (the CLI implements it with a live display). Called from background threads, so implementations
/// must be thread-safe and quick; an exception thrown here is logged and otherwise ignored.
/// </summary>
public interface IRunProgress
{
    void StageChanged(RunStage stage, string detail);

    void RunStarted(RunSnapshot snapshot);

    /// <summary>Periodic (SchedulerOptions.ProgressInterval) while trials run.</summary>
    void Progress(RunSnapshot snapshot);

    void TrialFailed(TrialFailure failure);

    void RunFinished(RunSnapshot snapshot, RunStatus status);
}

/// <summary>Ignores progress (tests, headless daemons that only log).</summary>
public sealed class NullRunProgress : IRunProgress
{
    public static NullRunProgress Instance { get; } = new();

    public void StageChanged(RunStage stage, string detail)
    {
    }

    public void RunStarted(RunSnapshot snapshot)
    {
    }

    public void Progress(RunSnapshot snapshot)
    {
    }

    public void TrialFailed(TrialFailure failure)
    {
    }

    public void RunFinished(RunSnapshot snapshot, RunStatus status)
    {
    }
}
