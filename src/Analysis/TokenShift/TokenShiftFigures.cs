using Studies.Analysis.Plots;

namespace Studies.Analysis.TokenShift;

/// <summary>The token-shift charts drawn from analysis results.</summary>
public static class TokenShiftFigures
{
    private static readonly TokenShiftCategory[] s_categories = [TokenShiftCategory.Unshifted, TokenShiftCategory.Marginal, TokenShiftCategory.Shifted];

    public static string Label(TokenShiftCategory category) => category switch
    {
        TokenShiftCategory.Unshifted => TokenShiftCharts.Unshifted,
        TokenShiftCategory.Marginal => TokenShiftCharts.Marginal,
        _ => TokenShiftCharts.Shifted,
    };

    public static string PairName(TokenShiftReport report) => $"{report.BaseModel} → {report.AssistantModel}";

    /// <summary>Category shares with CIs; several reports (model pairs) are grouped side by side.</summary>
    public static PlotImage Distribution(IReadOnlyList<TokenShiftReport> reports, FigureOptions? options = null) =>
        TokenShiftCharts.Distribution(
            reports.Select(r => new IntervalSeries(PairName(r),
                s_categories.Select(c => LabeledInterval.From(Label(c), r.Fractions[c])).ToArray())).ToArray(),
            options ?? (reports.Count == 1 ? new FigureOptions { Title = $"Token distribution shift: {PairName(reports[0])}" } : null));

    /// <summary>Category shares per position bucket, one line per category.</summary>
    public static PlotImage ByPosition(TokenShiftReport report, FigureOptions? options = null) =>
        TokenShiftCharts.ByPosition(
            s_categories.Select(c => new PlotSeries(Label(c),
                report.ByPosition.Where(b => b.Counts.Total > 0).Select(b => SeriesPoint.From(b.Middle, b.Fractions[c])).ToArray())).ToArray(),
            options ?? new FigureOptions { Title = $"Token shift by position: {PairName(report)}" });
}
