using System.Globalization;
using ScottPlot;

namespace Studies.Analysis.Plots;

/// <summary>Accuracy against the number of demonstrations, one line per label treatment (gold, random, flipped…), with 95% CI bands.</summary>
public static class AccuracyVsShotsChart
{
    /// <param name="series">X = shots k, Y = accuracy in [0, 1] with its interval.</param>
    /// <param name="chance">Draws a dashed chance-level line when given (e.g. 1 / number of labels).</param>
    public static PlotImage Render(IReadOnlyList<PlotSeries> series, FigureOptions? options = null, double? chance = null, ShotsAxis axis = ShotsAxis.Auto)
    {
        ArgumentNullException.ThrowIfNull(series);
        options ??= FigureOptions.Default;
        double[] shots = series.SelectMany(s => s.Points).Select(p => p.X).Where(double.IsFinite).Distinct().Order().ToArray();
        if (shots.Any(k => k < 0))
            throw new ArgumentException("Shot counts must be ≥ 0.", nameof(series));

        bool log = axis == ShotsAxis.Log2 || (axis == ShotsAxis.Auto && shots.Length > 0 && shots[^1] >= 8);
        Func<double, double> position = log ? k => Math.Log2(1 + k) : k => k;

        var plot = PlotTheme.Create(
            options.Title ?? "Accuracy vs. number of demonstrations",
            options.XLabel ?? (log ? "Demonstrations k (log scale)" : "Demonstrations k"),
            options.YLabel ?? "Accuracy");
        if (chance is { } c)
        {
            var line = plot.Add.HorizontalLine(c, 1.5f, Palette.Reference, LinePattern.Dashed);
            line.LegendText = "Chance";
        }

        SeriesLines.Add(plot, series, position);
        if (shots.Length > 0)
        {
            PlotTheme.ManualTicks(plot.Axes.Bottom, shots.Select(position).ToArray(), shots.Select(k => k.ToString("0.##", CultureInfo.InvariantCulture)).ToArray());
            double span = Math.Max(position(shots[^1]) - position(shots[0]), 1);
            plot.Axes.SetLimitsX(position(shots[0]) - span * 0.04, position(shots[^1]) + span * 0.04);
        }

        plot.Axes.SetLimitsY(0, 1.02);
        PlotTheme.PercentTicks(plot.Axes.Left);
        SeriesLines.LegendOutside(plot, series.Count + (chance is null ? 0 : 1));
        return FigureRenderer.Render(plot, options);
    }
}
