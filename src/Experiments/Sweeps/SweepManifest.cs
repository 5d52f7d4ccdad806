namespace Studies.Experiments.Sweeps;

/// <summary>
/// points.json in the state folder: the points the sweep holds now, in order (runs of points that left the sweep stay
/// in runs/ untouched, just not listed here), so `studies status` knows the sweep without reading its files.
/// </summary>
public sealed record SweepManifest
{
    public required string Name { get; init; }

    /// <summary>The sweep file and the queue files the points came from.</summary>
    public IReadOnlyList<string> Sources { get; init; } = [];

    public IReadOnlyList<string> Points { get; init; } = [];

    public DateTimeOffset UpdatedUtc { get; init; }
}
