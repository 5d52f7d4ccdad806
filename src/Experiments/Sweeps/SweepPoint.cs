using System.Text.Json.Serialization;

namespace Studies.Experiments.Sweeps;

/// <summary>
/// One grid point: a concrete study (one study of the base file with the point's models, seed and parameters) that
/// becomes one run. <see cref="Id"/> is a hash of the point's study text, so the same point from an edited sweep maps
/// to the same run.
/// </summary>
public sealed record SweepPoint
{
    /// <summary>&lt;study&gt;-&lt;12 hex digits&gt;: names the run folder.</summary>
    public required string Id { get; init; }

    public required string Study { get; init; }

    /// <summary>Model names as results will show them, in order.</summary>
    public required IReadOnlyList<string> Models { get; init; }

    /// <summary>The seed axis value, or null when the study keeps its own seeds.</summary>
    public string? Seed { get; init; }

    /// <summary>Parameter axis values as written, in the sweep's order.</summary>
    public required IReadOnlyList<SweepParameter> Parameters { get; init; }

    /// <summary>
    /// The backends the run needs ("local", "remote:https://host/v1"): runs of one lane run one at a time, lanes side by
    /// side, so a slow or failing endpoint does not hold up local runs.
    /// </summary>
    public required string Lane { get; init; }

    /// <summary>The sweep file (or queue file) the point came from.</summary>
    public required string Source { get; init; }

    /// <summary>The sweep's name (report title).</summary>
    public required string SweepName { get; init; }

    /// <summary>The study file to run: the point's study alone, with absolute paths, ready for the engine (not in point.json).</summary>
    [JsonIgnore]
    public string StudyYaml { get; init; } = "";

    /// <summary>"shots=4 temperature=0.7" (seed included), for tables and logs.</summary>
    public string Describe() =>
        string.Join(' ', (Seed is null ? [] : new[] { $"seed={Seed}" }).Concat(Parameters.Select(p => $"{p.Name}={p.Value}")));
}
