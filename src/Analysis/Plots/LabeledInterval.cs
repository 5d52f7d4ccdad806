namespace Studies.Analysis.Plots;

/// <summary>A named estimate with its 95% confidence interval (one bar of a bar chart, one row of a forest plot).</summary>
public sealed record LabeledInterval(string Label, double Estimate, double Lower, double Upper)
{
    public static LabeledInterval From(string label, Statistics.Summary summary) => new(label, summary.Estimate, summary.Lower, summary.Upper);
}
