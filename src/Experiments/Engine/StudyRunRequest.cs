using Studies.Experiments.Validation;

namespace Studies.Experiments.Engine;

/// <summary>
/// What to run (the CLI fills it from `studies run`). Settable so it can be configured as options for
/// <see cref="StudyRunService"/> (services.AddStudyRunService(r =&gt; ...)).
/// </summary>
public sealed class StudyRunRequest
{
    /// <summary>The YAML study file.</summary>
    public string StudyFile { get; set; } = "experiments.yaml";

    /// <summary>--study and --limit.</summary>
    public StudySelection Selection { get; set; } = StudySelection.All;

    /// <summary>
    /// The results folder. Null: resume the newest results/&lt;config-name&gt;-* folder with the same config hash, or
    /// create results/&lt;config-name&gt;-&lt;UTC yyyyMMdd-HHmmss&gt;.
    /// </summary>
    public string? OutputFolder { get; set; }

    /// <summary>Start a new run even when one could be resumed; in an explicit folder of another config, move its files aside.</summary>
    public bool ForceNew { get; set; }

    /// <summary>The command line, recorded in the manifest.</summary>
    public IReadOnlyList<string> Args { get; set; } = [];
}
