namespace Studies.Analysis.Diff;

/// <summary>The verdict of <see cref="RegressionGate"/>: whether the diff passes, the groups that regressed, and a one-line reason.</summary>
public sealed record GateResult(bool Passed, double Threshold, IReadOnlyList<GroupComparison> Regressions, string Message);
