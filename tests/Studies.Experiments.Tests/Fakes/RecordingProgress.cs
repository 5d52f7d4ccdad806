using System.Collections.Concurrent;
using Studies.Experiments.Scheduling;

namespace Studies.Experiments.Tests.Fakes;

/// <summary>Records progress events (thread-safe, as the interface requires).</summary>
public sealed class RecordingProgress : IRunProgress
{
    public ConcurrentQueue<RunStage> Stages { get; } = new();

    public ConcurrentQueue<RunSnapshot> Snapshots { get; } = new();

    public ConcurrentQueue<TrialFailure> Failures { get; } = new();

    public RunSnapshot? Started { get; private set; }

    public (RunSnapshot Snapshot, RunStatus Status)? Finished { get; private set; }

    public void StageChanged(RunStage stage, string detail) => Stages.Enqueue(stage);

    public void RunStarted(RunSnapshot snapshot) => Started = snapshot;

    public void Progress(RunSnapshot snapshot) => Snapshots.Enqueue(snapshot);

    public void TrialFailed(TrialFailure failure) => Failures.Enqueue(failure);

    public void RunFinished(RunSnapshot snapshot, RunStatus status) => Finished = (snapshot, status);
}
