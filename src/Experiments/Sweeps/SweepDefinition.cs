using Studies.Experiments.Yaml;

namespace Studies.Experiments.Sweeps;

/// <summary>A sweep file as read: the base studies (from a study file or inline) and the grids to expand over them.</summary>
public sealed record SweepDefinition
{
    /// <summary>The sweep file (as given; used in messages and recorded with each point).</summary>
    public required string Path { get; init; }

    /// <summary>The sweep's name (its <c>name:</c>, else the file name): the report's title.</summary>
    public required string Name { get; init; }

    /// <summary>The base study file's path (null when the studies are inline).</summary>
    public string? StudyFile { get; init; }

    /// <summary>The folder that the base studies' relative paths (datasets, models) resolve against.</summary>
    public required string BaseDirectory { get; init; }

    /// <summary>The base study document: a mapping with <c>defaults:</c> and <c>studies:</c>.</summary>
    public required ConfigMapping BaseStudies { get; init; }

    public required IReadOnlyList<SweepGrid> Grids { get; init; }
}
