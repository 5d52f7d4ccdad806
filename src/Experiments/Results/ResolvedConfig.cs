using System.Text.Json.Nodes;

namespace Studies.Experiments.Results;

/// <summary>
/// The study configuration as resolved (defaults applied, labels inferred, models identified by sha256): written to
/// the manifest and hashed into the config hash that decides whether a results folder can be resumed. Machine-specific
/// and speed-only settings (absolute paths, contexts, concurrency) and the item limit are left out on purpose, so a
/// run can be resumed on another machine or with more items.
/// </summary>
public sealed record ResolvedConfig
{
    public required string File { get; init; }

    public required IReadOnlyList<StudyConfig> Studies { get; init; }

    public required IReadOnlyList<ModelConfig> Models { get; init; }
}

public sealed record StudyConfig
{
    public required string Name { get; init; }

    public required string Kind { get; init; }

    public required DatasetConfig Dataset { get; init; }

    public required IReadOnlyList<string> Models { get; init; }

    public required IReadOnlyList<string> Labels { get; init; }

    public required IReadOnlyList<int> Seeds { get; init; }

    /// <summary>loglik or generate.</summary>
    public required string Scoring { get; init; }

    public required SamplingConfig Sampling { get; init; }

    public int MaxTokens { get; init; }

    public JsonObject Parameters { get; init; } = [];

    public required IReadOnlyList<ConditionConfig> Conditions { get; init; }
}

public sealed record DatasetConfig
{
    public string? File { get; init; }

    public string? Format { get; init; }

    public string? Synthetic { get; init; }

    public int? Size { get; init; }

    public int Seed { get; init; }

    public int? Choices { get; init; }

    public bool Shuffle { get; init; }

    public IReadOnlyDictionary<string, string>? Fields { get; init; }

    public IReadOnlyDictionary<string, string>? LabelMap { get; init; }

    public string? DemosFile { get; init; }

    public int Demos { get; init; }

    /// <summary>sha256 of the data (file contents, or generator settings).</summary>
    public required string ContentSha256 { get; init; }
}

public sealed record SamplingConfig(float Temperature, int TopK, float TopP, float MinP);

public sealed record ConditionConfig
{
    public required string Name { get; init; }

    public required string Type { get; init; }

    public JsonObject Parameters { get; init; } = [];
}

public sealed record ModelConfig
{
    public required string Name { get; init; }

    public required string Backend { get; init; }

    /// <summary>base or assistant.</summary>
    public required string Role { get; init; }

    /// <summary>The catalog name, the path as written, or the remote model id.</summary>
    public required string Source { get; init; }

    public string? Sha256 { get; init; }

    public string? ChatTemplate { get; init; }

    public string? Url { get; init; }

    public int? Threads { get; init; }
}
