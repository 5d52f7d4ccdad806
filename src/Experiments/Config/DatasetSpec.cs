using Studies.Experiments.Model;

namespace Studies.Experiments.Config;

/// <summary>
/// Where a study's items come from: a JSONL/CSV/JSON file (or one of the shared benchmarks' line formats) with a
/// field mapping, or a built-in synthetic generator.
/// </summary>
public sealed record DatasetSpec
{
    /// <summary>The file as written in YAML (for messages and the config hash).</summary>
    public string? File { get; init; }

    /// <summary>The file resolved against the study file's folder.</summary>
    public string? FullPath { get; init; }

    /// <summary>jsonl, csv, json, sst2, trec or gsm8k; inferred from the extension when not given.</summary>
    public string? Format { get; init; }

    public FieldMapping Fields { get; init; } = new();

    /// <summary>Raw label → label (e.g. 0 → negative), applied before anything else looks at labels.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> LabelMap { get; init; } = [];

    /// <summary>Generator name (sentiment, counting, arithmetic, story_qa, color) instead of a file.</summary>
    public string? Synthetic { get; init; }

    /// <summary>Synthetic: evaluation items to generate.</summary>
    public int Size { get; init; } = 60;

    /// <summary>Seed of the synthetic generator and of the shuffle that splits demonstrations from evaluation items.</summary>
    public int Seed { get; init; }

    /// <summary>Synthetic: turn open answers into multiple choice with this many options (0 = open answers).</summary>
    public int Choices { get; init; }

    /// <summary>Shuffle rows (seeded) before splitting off demonstrations and applying the limit.</summary>
    public bool Shuffle { get; init; } = true;

    public SourceLocation Location { get; init; } = SourceLocation.None;

    public SourceLocation FileLocation { get; init; } = SourceLocation.None;

    public SourceLocation LabelMapLocation { get; init; } = SourceLocation.None;

    public bool IsSynthetic => Synthetic is not null;
}
