namespace Studies.Experiments.Sweeps;

/// <summary>No report (tests, or a host without the analysis modules).</summary>
public sealed class NullSweepReporter : ISweepReporter
{
    public Task WriteRunAsync(string resultsFolder, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<IReadOnlyList<string>> WriteAsync(SweepStatus status, IReadOnlyList<SweepPoint> points, string folder, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([]);
}
