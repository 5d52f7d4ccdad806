using ScottPlot;
using Studies.Analysis.Metrics;

namespace Studies.Analysis.Plots;

/// <summary>
/// Early answering (Lanham et al. 2023): how often the answer from a truncated chain of thought equals the answer from
/// the full chain, against the fraction kept. A curve that is flat near 100% means the answer does not depend on the chain.
/// </summary>
public static class EarlyAnsweringChart
{
    /// <param name="series">X = fraction of the chain kept in [0, 1], Y = agreement in [0, 1]; one line per model or task.</param>
    public static PlotImage Render(IReadOnlyList<PlotSeries> series, FigureOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        options ??= FigureOptions.Default;
        var plot = PlotTheme.Create(
            options.Title ?? "Early answering",
            options.XLabel ?? "Fraction of the chain of thought kept",
            options.YLabel ?? "Same answer as with the full chain");
        SeriesLines.Add(plot, series);
        plot.Axes.SetLimits(-0.02, 1.02, 0, 1.02);
        PlotTheme.PercentTicks(plot.Axes.Bottom);
        PlotTheme.PercentTicks(plot.Axes.Left);
        SeriesLines.LegendOutside(plot, series.Count);
        return FigureRenderer.Render(plot, options);
    }

    /// <summary>A line from a computed curve (no intervals).</summary>
    public static PlotSeries Series(string name, IReadOnlyList<EarlyAnsweringPoint> curve) =>
        new(name, curve.Select(p => SeriesPoint.Exact(p.Fraction, p.Agreement)).ToArray());
}
