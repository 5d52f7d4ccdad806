using System.Globalization;
using ScottPlot;
using Studies.Analysis.Statistics;

namespace Studies.Analysis.Plots;

/// <summary>
/// Reliability diagram: accuracy per confidence bin (bars, with Wilson 95% CI whiskers and the bin's item count)
/// against the diagonal of perfect calibration. Several panels (base, assistant) are drawn side by side on shared axes.
/// </summary>
public static class ReliabilityDiagram
{
    private const double MinBarWidth = 0.025;

    public static PlotImage Render(IReadOnlyList<ReliabilityPanel> panels, FigureOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(panels);
        if (panels.Count == 0)
            throw new ArgumentException("A reliability diagram needs at least one panel.", nameof(panels));

        options ??= FigureOptions.Default;
        string title = options.Title ?? "Reliability diagram";
        var plots = panels.Select((p, i) => Panel(p, i, options, panels.Count == 1 ? title : null)).ToArray();
        return FigureRenderer.Render(plots, options, superTitle: title);
    }

    private static Plot Panel(ReliabilityPanel panel, int index, FigureOptions options, string? singleTitle)
    {
        string heading = panel.Ece is { } ece && double.IsFinite(ece)
            ? $"{panel.Name} (ECE = {ece.ToString("0.000", CultureInfo.InvariantCulture)})"
            : panel.Name;
        var plot = PlotTheme.Create(singleTitle is null ? heading : $"{singleTitle}: {heading}", options.XLabel ?? "Confidence", options.YLabel ?? "Accuracy");

        var diagonal = plot.Add.Line(0, 0, 1, 1);
        diagonal.LineColor = Palette.Reference;
        diagonal.LinePattern = LinePattern.Dashed;
        diagonal.LineWidth = 1.5f;
        diagonal.LegendText = "Perfect calibration";

        var color = Palette.Get(index);
        var bars = new List<Bar>();
        var xs = new List<double>();
        var ys = new List<double>();
        var below = new List<double>();
        var above = new List<double>();
        bool first = true;
        foreach (var bin in panel.Bins.Where(b => b.Count > 0 && double.IsFinite(b.Accuracy)))
        {
            // Equal-mass bins span their items' confidences, which can be a point: keep such bars visible.
            double width = Math.Max(bin.Upper - bin.Lower, MinBarWidth);
            double center = bin.Upper - bin.Lower >= MinBarWidth ? (bin.Lower + bin.Upper) / 2 : bin.MeanConfidence;
            bars.Add(new Bar
            {
                Position = center,
                Value = bin.Accuracy,
                Size = width * 0.94,
                FillColor = color.WithOpacity(0.75),
                LineColor = color,
                LineWidth = 1,
            });

            var ci = WilsonInterval.Of((int)Math.Round(bin.Accuracy * bin.Count), bin.Count);
            xs.Add(center);
            ys.Add(bin.Accuracy);
            below.Add(Math.Max(0, bin.Accuracy - ci.Lower));
            above.Add(Math.Max(0, ci.Upper - bin.Accuracy));

            var count = plot.Add.Text($"n={bin.Count}", center, ci.Upper);
            PlotTheme.StyleAnnotation(count, Alignment.LowerCenter, size: 10);
            count.OffsetY = -2;
            first = false;
        }

        if (!first)
        {
            var barPlot = plot.Add.Bars(bars);
            barPlot.LegendText = "Accuracy in bin (95% CI)";
            var zeros = new double[xs.Count];
            plot.Add.Plottable(new ScottPlot.Plottables.ErrorBar(xs, ys, zeros, zeros, above, below)
            {
                LineColor = Palette.Text,
                LineWidth = 1.2f,
                CapSize = 4,
            });
        }

        plot.Axes.SetLimits(0, 1, 0, 1.1);
        PlotTheme.ManualTicks(plot.Axes.Bottom, [0, 0.2, 0.4, 0.6, 0.8, 1.0], ["0", "0.2", "0.4", "0.6", "0.8", "1"]);
        PlotTheme.ManualTicks(plot.Axes.Left, [0, 0.2, 0.4, 0.6, 0.8, 1.0], ["0", "0.2", "0.4", "0.6", "0.8", "1"]);
        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }
}
