namespace Studies.Analysis.Diff;

/// <summary>What `studies diff` was asked: two results folders, where to write, and the optional regression gate.</summary>
public sealed record DiffRequest
{
    public required string RunA { get; init; }

    public required string RunB { get; init; }

    /// <summary>Output folder; null = <see cref="DiffFolders.Default"/>.</summary>
    public string? Output { get; init; }

    /// <summary>Fail (exit 1) when a group's accuracy drops by more than this fraction; null = never fail.</summary>
    public double? FailOnRegression { get; init; }

    public DiffOptions Options { get; init; } = new();
}
