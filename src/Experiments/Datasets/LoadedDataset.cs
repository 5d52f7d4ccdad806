using Studies.Experiments.Model;

namespace Studies.Experiments.Datasets;

/// <summary>
/// A study's data after loading, mapping and splitting: evaluation items (limit applied), the demonstration pool,
/// the label space (declared or inferred) and where each item came from.
/// </summary>
public sealed record LoadedDataset
{
    public required IReadOnlyList<StudyItem> Items { get; init; }

    public required IReadOnlyList<StudyItem> Demos { get; init; }

    public required IReadOnlyList<string> Labels { get; init; }

    /// <summary>sha256 of the data file(s), or of the synthetic generator settings: part of the config hash.</summary>
    public required string ContentHash { get; init; }

    /// <summary>Evaluation items before the limit was applied.</summary>
    public int AvailableItems { get; init; }

    internal IReadOnlyDictionary<StudyItem, SourceLocation> Origins { get; init; } =
        new Dictionary<StudyItem, SourceLocation>(ReferenceEqualityComparer.Instance);

    /// <summary>The data file and line an item was read from (the dataset location for synthetic items).</summary>
    public SourceLocation LocationOf(StudyItem item) => Origins.GetValueOrDefault(item) ?? SourceLocation.None;
}
