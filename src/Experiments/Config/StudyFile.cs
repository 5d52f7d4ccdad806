namespace Studies.Experiments.Config;

/// <summary>A study file as written (defaults applied to each study), before datasets and models are touched.</summary>
public sealed record StudyFile
{
    /// <summary>The path as the user gave it (used in messages).</summary>
    public required string Path { get; init; }

    public required string FullPath { get; init; }

    /// <summary>The folder that relative dataset and model paths are resolved against.</summary>
    public string Directory => System.IO.Path.GetDirectoryName(FullPath)!;

    /// <summary>The file name without extension: names the results folder.</summary>
    public string Name => System.IO.Path.GetFileNameWithoutExtension(FullPath);

    public required StudyDefaults Defaults { get; init; }

    public required IReadOnlyList<StudySpec> Studies { get; init; }
}
