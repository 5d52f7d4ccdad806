using ScottPlot;

namespace Studies.Analysis.Plots;

/// <summary>AUROC of each uncertainty signal for predicting an error, with 95% CIs; grouped by model when several are given.</summary>
public static class AurocChart
{
    /// <param name="series">One series per model (or variant); each value's label is the signal.</param>
    public static PlotImage Render(IReadOnlyList<IntervalSeries> series, FigureOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        options ??= FigureOptions.Default;
        var plot = PlotTheme.Create(
            options.Title ?? "AUROC for predicting an error",
            options.XLabel ?? "Uncertainty signal",
            options.YLabel ?? "AUROC");
        var chance = plot.Add.HorizontalLine(0.5, 1.5f, Palette.Reference, LinePattern.Dashed);
        chance.LegendText = "Chance (0.5)";
        GroupedBars.Add(plot, series);
        plot.Axes.SetLimitsY(0, 1.08);
        PlotTheme.ManualTicks(plot.Axes.Left, [0, 0.2, 0.4, 0.5, 0.6, 0.8, 1.0], ["0", "0.2", "0.4", "0.5", "0.6", "0.8", "1"]);
        return FigureRenderer.Render(plot, options);
    }

    /// <summary>A single model's signals.</summary>
    public static PlotImage Render(IReadOnlyList<LabeledInterval> signals, FigureOptions? options = null) =>
        Render([new IntervalSeries("AUROC", signals)], options);
}
