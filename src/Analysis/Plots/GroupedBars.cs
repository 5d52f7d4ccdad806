using ScottPlot;

namespace Studies.Analysis.Plots;

/// <summary>
/// Bars grouped by category with asymmetric 95% CI whiskers and the value printed above each whisker; one palette
/// colour per series. Categories keep the order of their first appearance.
/// </summary>
internal static class GroupedBars
{
    private const double GroupWidth = 0.8;

    /// <returns>The categories in axis order (positions 0, 1, …).</returns>
    public static IReadOnlyList<string> Add(Plot plot, IReadOnlyList<IntervalSeries> series, string valueFormat = "0.00")
    {
        ArgumentNullException.ThrowIfNull(series);
        var categories = series.SelectMany(s => s.Values.Select(v => v.Label)).Distinct(StringComparer.Ordinal).ToList();
        double barWidth = GroupWidth / Math.Max(1, series.Count);
        for (int s = 0; s < series.Count; s++)
        {
            var color = Palette.Get(s);
            var bars = new List<Bar>();
            var xs = new List<double>();
            var ys = new List<double>();
            var below = new List<double>();
            var above = new List<double>();
            foreach (var value in series[s].Values)
            {
                if (!double.IsFinite(value.Estimate))
                    continue;

                double x = categories.IndexOf(value.Label) - GroupWidth / 2 + barWidth * (s + 0.5);
                bars.Add(new Bar
                {
                    Position = x,
                    Value = value.Estimate,
                    Size = barWidth * 0.92,
                    FillColor = color.WithOpacity(0.85),
                    LineWidth = 0,
                });
                bool hasInterval = double.IsFinite(value.Lower) && double.IsFinite(value.Upper) && value.Lower <= value.Upper;
                double low = hasInterval ? Math.Min(value.Lower, value.Estimate) : value.Estimate;
                double high = hasInterval ? Math.Max(value.Upper, value.Estimate) : value.Estimate;
                xs.Add(x);
                ys.Add(value.Estimate);
                below.Add(value.Estimate - low);
                above.Add(high - value.Estimate);

                var label = plot.Add.Text(value.Estimate.ToString(valueFormat, System.Globalization.CultureInfo.InvariantCulture), x, high);
                PlotTheme.StyleAnnotation(label, Alignment.LowerCenter);
                label.OffsetY = -3;
            }

            if (bars.Count == 0)
                continue;

            var barPlot = plot.Add.Bars(bars);
            barPlot.LegendText = series[s].Name;
            var zeros = new double[xs.Count];
            var whiskers = new ScottPlot.Plottables.ErrorBar(xs, ys, zeros, zeros, above, below)
            {
                LineColor = Palette.Text,
                LineWidth = 1.5f,
                CapSize = 6,
            };
            plot.Add.Plottable(whiskers);
        }

        PlotTheme.ManualTicks(plot.Axes.Bottom, categories.Select((_, i) => (double)i).ToArray(), categories);
        plot.Axes.SetLimitsX(-0.6, categories.Count - 0.4);
        if (series.Count > 1)
            plot.ShowLegend(Edge.Right);
        else
            plot.HideLegend();
        return categories;
    }
}
