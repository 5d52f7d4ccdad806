namespace Studies.Experiments.Model;

/// <summary>
/// A named, declarative manipulation of a study, as written in YAML: a condition type the study kind knows (e.g.
/// "random_labels") and its parameters (e.g. shots: 8). Values are YAML scalars (string, long, double, bool) or lists of
/// them. The kind reads and validates them.
/// </summary>
public sealed record ConditionSpec
{
    public required string Name { get; init; }

    public required string Type { get; init; }

    public IReadOnlyDictionary<string, object?> Parameters { get; init; } = new Dictionary<string, object?>();

    public SourceLocation Location { get; init; } = SourceLocation.None;
}
