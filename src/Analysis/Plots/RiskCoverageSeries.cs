using Studies.Analysis.Metrics;

namespace Studies.Analysis.Plots;

/// <summary>One uncertainty signal's risk–coverage curve (from <see cref="RiskCoverage.Curve"/>), with its AURC for the legend.</summary>
public sealed record RiskCoverageSeries(string Name, IReadOnlyList<RiskCoveragePoint> Points, double? Aurc = null);
