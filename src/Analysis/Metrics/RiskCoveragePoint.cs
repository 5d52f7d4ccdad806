namespace Studies.Analysis.Metrics;

/// <summary>One operating point of selective prediction: answer only items with confidence ≥ <paramref name="Threshold"/>.</summary>
/// <param name="Threshold">The confidence cut-off (a distinct confidence value of the data).</param>
/// <param name="Covered">Items answered at this threshold.</param>
/// <param name="Coverage">Covered / n.</param>
/// <param name="Risk">Error rate among the covered items.</param>
public sealed record RiskCoveragePoint(double Threshold, int Covered, double Coverage, double Risk);
