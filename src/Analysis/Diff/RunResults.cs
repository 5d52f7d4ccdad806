using Studies.Experiments.Results;

namespace Studies.Analysis.Diff;

/// <summary>One results folder as read for a diff: its manifest and the newest record of every trial, in file order.</summary>
/// <param name="Folder">The folder's full path.</param>
public sealed record RunResults(string Folder, RunManifest Manifest, IReadOnlyList<TrialRecord> Trials)
{
    /// <summary>The folder's own name (results/icl-20250101-120000 → icl-20250101-120000).</summary>
    public string Name => Path.GetFileName(Path.TrimEndingDirectorySeparator(Folder));
}
