using ScottPlot;

namespace Studies.Analysis.Plots;

/// <summary>
/// Forest plot of paired differences (e.g. assistant − base accuracy per condition): a point and 95% CI whisker per
/// row, rows labelled on the y axis in the given order from the top, and a line at zero (no difference).
/// </summary>
public static class ForestPlot
{
    public static PlotImage Render(IReadOnlyList<LabeledInterval> rows, FigureOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        options ??= FigureOptions.Default;
        var plot = PlotTheme.Create(
            options.Title ?? "Paired differences (95% CI)",
            options.XLabel ?? "Difference (assistant − base)",
            options.YLabel);

        var zero = plot.Add.VerticalLine(0, 1.5f, Palette.Reference, LinePattern.Dashed);
        zero.LegendText = "";

        var usable = rows.Select((r, i) => (Row: r, Y: (double)(rows.Count - 1 - i))).Where(r => double.IsFinite(r.Row.Estimate)).ToArray();
        if (usable.Length > 0)
        {
            var xs = usable.Select(r => r.Row.Estimate).ToArray();
            var ys = usable.Select(r => r.Y).ToArray();
            var left = usable.Select(r => double.IsFinite(r.Row.Lower) ? Math.Max(0, r.Row.Estimate - r.Row.Lower) : 0).ToArray();
            var right = usable.Select(r => double.IsFinite(r.Row.Upper) ? Math.Max(0, r.Row.Upper - r.Row.Estimate) : 0).ToArray();
            var zeros = new double[xs.Length];
            plot.Add.Plottable(new ScottPlot.Plottables.ErrorBar(xs, ys, right, left, zeros, zeros)
            {
                LineColor = Palette.Get(0),
                LineWidth = 2f,
                CapSize = 8,
            });
            var points = plot.Add.Markers(xs, ys, MarkerShape.FilledSquare, 9, Palette.Get(0));
            points.LegendText = "";

            double low = Math.Min(0, xs.Zip(left, (x, l) => x - l).Min());
            double high = Math.Max(0, xs.Zip(right, (x, r) => x + r).Max());
            double pad = Math.Max((high - low) * 0.08, 0.01);
            plot.Axes.SetLimitsX(low - pad, high + pad);
        }

        PlotTheme.ManualTicks(plot.Axes.Left, rows.Select((_, i) => (double)(rows.Count - 1 - i)).ToArray(), rows.Select(r => r.Label).ToArray());
        plot.Axes.SetLimitsY(-0.7, Math.Max(0, rows.Count - 1) + 0.7);
        plot.Grid.YAxisStyle.IsVisible = false;
        plot.HideLegend();
        return FigureRenderer.Render(plot, options);
    }
}
