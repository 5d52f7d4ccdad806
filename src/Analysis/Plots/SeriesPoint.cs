namespace Studies.Analysis.Plots;

/// <summary>One point of a line with its 95% confidence interval (<paramref name="Lower"/> ≤ Y ≤ <paramref name="Upper"/>).</summary>
public sealed record SeriesPoint(double X, double Y, double Lower, double Upper)
{
    /// <summary>A point without an interval (the band collapses onto the line).</summary>
    public static SeriesPoint Exact(double x, double y) => new(x, y, y, y);

    public static SeriesPoint From(double x, Statistics.Summary summary) => new(x, summary.Estimate, summary.Lower, summary.Upper);
}
