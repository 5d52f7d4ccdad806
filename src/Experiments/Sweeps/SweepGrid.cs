using Studies.Experiments.Model;
using Studies.Experiments.Yaml;

namespace Studies.Experiments.Sweeps;

/// <summary>
/// One grid of a sweep file: the cartesian product of its axes. An axis left out keeps what the base study says.
/// </summary>
public sealed record SweepGrid
{
    /// <summary>Study names of the base file to use; null = every study.</summary>
    public IReadOnlyList<ConfigScalar>? Studies { get; init; }

    /// <summary>Each entry is one run's model list (a base/assistant pair is compared item by item); null = the study's own.</summary>
    public IReadOnlyList<ConfigSequence>? Models { get; init; }

    /// <summary>One seed per run; null = the study's own seeds.</summary>
    public IReadOnlyList<ConfigScalar>? Seeds { get; init; }

    /// <summary>Every other key: a parameter axis (name, values), in the order written.</summary>
    public IReadOnlyList<SweepAxis> Parameters { get; init; } = [];

    public SourceLocation Location { get; init; } = SourceLocation.None;
}
