using System.Globalization;
using ScottPlot;

namespace Studies.Analysis.Plots;

/// <summary>Risk–coverage curves of selective prediction, one per uncertainty signal; lower is better, AURC in the legend.</summary>
public static class RiskCoverageChart
{
    public static PlotImage Render(IReadOnlyList<RiskCoverageSeries> curves, FigureOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(curves);
        options ??= FigureOptions.Default;
        var plot = PlotTheme.Create(
            options.Title ?? "Risk–coverage",
            options.XLabel ?? "Coverage (fraction of items answered)",
            options.YLabel ?? "Risk (error rate among answered)");

        var series = curves.Select(c => new PlotSeries(
            c.Aurc is { } a && double.IsFinite(a) ? $"{c.Name} (AURC {a.ToString("0.000", CultureInfo.InvariantCulture)})" : c.Name,
            c.Points.Select(p => SeriesPoint.Exact(p.Coverage, p.Risk)).ToArray())).ToArray();
        SeriesLines.Add(plot, series);

        double maxRisk = curves.SelectMany(c => c.Points).Select(p => p.Risk).Where(double.IsFinite).DefaultIfEmpty(1).Max();
        plot.Axes.SetLimits(0, 1.02, 0, Math.Min(1.02, Math.Max(0.1, maxRisk * 1.1)));
        PlotTheme.PercentTicks(plot.Axes.Bottom);
        SeriesLines.LegendOutside(plot, curves.Count);
        return FigureRenderer.Render(plot, options);
    }
}
