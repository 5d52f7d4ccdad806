using Studies.Experiments.Model;

namespace Studies.Experiments.Config;

/// <summary>
/// Which dataset field fills which item property. A value naming a field copies it; a value with braces is a template
/// over fields ("{premise} Question: {hypothesis}"). Unmapped properties fall back to a field of the same name.
/// </summary>
public sealed record FieldMapping
{
    public string? Id { get; init; }

    public string? Input { get; init; }

    public string? Label { get; init; }

    public string? Answer { get; init; }

    /// <summary>One field holding a list, or several fields (one per option).</summary>
    public IReadOnlyList<string> Choices { get; init; } = [];

    public string? Explanation { get; init; }

    public string? Context { get; init; }

    /// <summary>Where each mapping was written (key: the item property), so "no such field" points at it.</summary>
    public IReadOnlyDictionary<string, SourceLocation> Locations { get; init; } = new Dictionary<string, SourceLocation>();
}
