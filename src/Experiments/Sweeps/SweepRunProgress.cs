using Microsoft.Extensions.Logging;
using Studies.Experiments.Scheduling;

namespace Studies.Experiments.Sweeps;

/// <summary>Feeds one run's engine progress into the tracker (live counts, the planned total) and logs its stages.</summary>
internal sealed class SweepRunProgress(SweepTracker tracker, string runId, ILogger logger) : IRunProgress
{
    private int _failures;

    public void StageChanged(RunStage stage, string detail) =>
        logger.LogDebug("Run {Run}: {Stage} {Detail}", runId, stage, detail);

    public void RunStarted(RunSnapshot snapshot)
    {
        tracker.Started(runId, snapshot);
        logger.LogInformation("Run {Run}: {Remaining} of {Total} trials to run ({Skipped} done before)", runId, snapshot.Remaining, snapshot.Total, snapshot.Skipped);
    }

    public void Progress(RunSnapshot snapshot) => tracker.Progress(runId, snapshot);

    public void TrialFailed(TrialFailure failure)
    {
        // The first few failures of a run are worth a line each; the rest are counted in the status.
        if (Interlocked.Increment(ref _failures) <= 3)
        {
            logger.LogWarning("Run {Run}: trial {Key} ({Model}, {Condition}, item {Item}) failed: {ErrorType}: {Message}",
                runId, failure.Key, failure.Model, failure.Condition, failure.ItemId, failure.ErrorType, failure.Message);
        }
    }

    public void RunFinished(RunSnapshot snapshot, RunStatus status) => tracker.Progress(runId, snapshot);
}
