using ScottPlot;

namespace Studies.Analysis.Plots;

/// <summary>
/// Figures of the token distribution shift (Lin et al. 2023): how the base model ranks the assistant's tokens —
/// unshifted (rank 1), marginal (2–3), shifted (&gt; 3) — overall and by position in the answer.
/// </summary>
public static class TokenShiftCharts
{
    public const string Unshifted = "Unshifted (rank 1)";
    public const string Marginal = "Marginal (rank 2–3)";
    public const string Shifted = "Shifted (rank > 3)";

    /// <summary>Fraction of tokens in each category, with 95% CIs; one series per model pair.</summary>
    public static PlotImage Distribution(IReadOnlyList<IntervalSeries> series, FigureOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        options ??= FigureOptions.Default;
        var plot = PlotTheme.Create(
            options.Title ?? "Token distribution shift",
            options.XLabel ?? "Base model's rank of the assistant's token",
            options.YLabel ?? "Fraction of assistant tokens");
        GroupedBars.Add(plot, series, valueFormat: "0.0%");
        plot.Axes.SetLimitsY(0, 1.1);
        PlotTheme.PercentTicks(plot.Axes.Left);
        return FigureRenderer.Render(plot, options);
    }

    /// <summary>Category fractions by token position (bucketed); typically three series: unshifted, marginal, shifted.</summary>
    public static PlotImage ByPosition(IReadOnlyList<PlotSeries> series, FigureOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        options ??= FigureOptions.Default;
        var plot = PlotTheme.Create(
            options.Title ?? "Token distribution shift by position",
            options.XLabel ?? "Token position in the assistant's answer",
            options.YLabel ?? "Fraction of tokens");
        SeriesLines.Add(plot, series);
        var xs = series.SelectMany(s => s.Points).Select(p => p.X).Where(double.IsFinite).ToArray();
        if (xs.Length > 0)
        {
            double span = Math.Max(xs.Max() - xs.Min(), 1);
            plot.Axes.SetLimitsX(xs.Min() - span * 0.03, xs.Max() + span * 0.03);
        }

        plot.Axes.SetLimitsY(0, 1.02);
        PlotTheme.PercentTicks(plot.Axes.Left);
        SeriesLines.LegendOutside(plot, series.Count);
        return FigureRenderer.Render(plot, options);
    }
}
