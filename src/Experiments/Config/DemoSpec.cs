using Studies.Experiments.Model;

namespace Studies.Experiments.Config;

/// <summary>
/// The demonstration pool. From a separate file (same format and field mapping as the dataset; its first
/// <see cref="Size"/> rows after the seeded shuffle, all when Size is null), or else the first Size rows of the
/// dataset after its seeded shuffle, which are then not used for evaluation. Synthetic datasets generate the pool
/// separately (distinct ids).
/// </summary>
public sealed record DemoSpec
{
    /// <summary>Null: 32, or half the rows of a small dataset file.</summary>
    public int? Size { get; init; }

    public string? File { get; init; }

    public string? FullPath { get; init; }

    public SourceLocation Location { get; init; } = SourceLocation.None;

    public SourceLocation FileLocation { get; init; } = SourceLocation.None;
}
