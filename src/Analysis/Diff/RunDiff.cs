namespace Studies.Analysis.Diff;

/// <summary>Everything a diff of run A against run B found: pairing, per-group comparisons, flips and manifest differences.</summary>
public sealed record RunDiff
{
    public required RunResults A { get; init; }

    public required RunResults B { get; init; }

    public required MatchResult Match { get; init; }

    public required IReadOnlyList<GroupComparison> Groups { get; init; }

    public required IReadOnlyList<FlippedItem> Flips { get; init; }

    public required IReadOnlyList<ManifestDifference> ManifestDifferences { get; init; }

    public required DiffOptions Options { get; init; }

    /// <summary>
    /// True when nothing differs: no manifest setting, no unpaired trial, as many failed trials on each side, no flipped
    /// correctness, no changed output or prediction, and no score whose mean moved. `studies diff RUN RUN` is always
    /// unchanged (a trial that failed in both runs did not change).
    /// </summary>
    public bool Unchanged =>
        ManifestDifferences.Count == 0
        && Match.Counts is { UnpairedA: 0, UnpairedB: 0 }
        && Match.Counts.FailedA == Match.Counts.FailedB
        && Match.StudiesOnlyInA.Count == 0 && Match.StudiesOnlyInB.Count == 0
        && Flips.Count == 0
        && Groups.All(g => g.OutputsChanged == 0 && g.Scores.All(s => s.Delta.Estimate == 0));
}
