namespace Studies.Experiments.Sweeps;

/// <summary>
/// Writes the report across a finished sweep's runs. The analysis modules implement it (they depend on this project,
/// not the reverse); the CLI registers that implementation.
/// </summary>
public interface ISweepReporter
{
    /// <summary>Writes a finished run's own summary and report into its results folder, as `studies run` does.</summary>
    Task WriteRunAsync(string resultsFolder, CancellationToken cancellationToken);

    /// <summary>Writes the report for <paramref name="status"/> into <paramref name="folder"/>; returns the files written.</summary>
    Task<IReadOnlyList<string>> WriteAsync(SweepStatus status, IReadOnlyList<SweepPoint> points, string folder, CancellationToken cancellationToken);
}
