namespace Studies.Experiments.Sweeps;

/// <summary>One way to turn a point, its state and its counts into a status row, for the reader and the live daemon alike.</summary>
internal static class RunProgressFactory
{
    public static RunProgress Create(SweepPoint point, RunState state, int done, int failedTrials, double trialsPerSecond, string results)
    {
        double? eta = state.Phase == RunPhase.Running && state.Total is { } total && trialsPerSecond > 0
            ? Math.Max(0, total - done - failedTrials) / trialsPerSecond
            : null;
        return new RunProgress
        {
            Id = point.Id,
            Study = point.Study,
            Models = point.Models,
            Seed = point.Seed,
            Parameters = point.Parameters,
            Lane = point.Lane,
            Phase = state.Phase,
            Done = done,
            Total = state.Total,
            FailedTrials = failedTrials,
            TrialsPerSecond = state.Phase is RunPhase.Running or RunPhase.Done ? trialsPerSecond : 0,
            EtaSeconds = eta,
            Attempts = state.Attempts,
            Error = state.Phase == RunPhase.Failed ? state.Error : null,
            Settled = state.IsSettled,
            Results = results,
        };
    }
}
