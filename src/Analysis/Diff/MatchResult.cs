namespace Studies.Analysis.Diff;

/// <summary>The paired trials of two runs (in run A's order), how models were paired, and what was left out.</summary>
public sealed record MatchResult(
    IReadOnlyList<StudyPairing> Pairings,
    IReadOnlyList<TrialPair> Pairs,
    MatchCounts Counts,
    IReadOnlyList<string> StudiesOnlyInA,
    IReadOnlyList<string> StudiesOnlyInB);
