using ScottPlot;

namespace Studies.Analysis.Plots;

/// <summary>Draws named series as lines with markers over a translucent 95% CI band, one palette colour per series.</summary>
internal static class SeriesLines
{
    public static void Add(Plot plot, IReadOnlyList<PlotSeries> series, Func<double, double>? transformX = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        transformX ??= x => x;
        for (int s = 0; s < series.Count; s++)
        {
            var points = Usable(series[s]);
            if (points.Length == 0)
                continue;

            var color = Palette.Get(s);
            double[] xs = points.Select(p => transformX(p.X)).ToArray();
            double[] ys = points.Select(p => p.Y).ToArray();
            if (points.Any(p => p.Lower < p.Y || p.Upper > p.Y))
            {
                var band = plot.Add.FillY(xs, points.Select(p => p.Lower).ToArray(), points.Select(p => p.Upper).ToArray());
                // Fainter when many bands overlap, so the overlap stays legible.
                band.FillColor = color.WithOpacity(series.Count > 2 ? 0.12 : 0.18);
                band.LineWidth = 0;
                band.LegendText = "";
            }

            var line = plot.Add.Scatter(xs, ys, color);
            line.LineWidth = PlotTheme.LineWidth;
            line.MarkerSize = points.Length <= 40 ? PlotTheme.MarkerSize : 0;
            line.MarkerShape = MarkerShapes(s);
            line.LegendText = series[s].Name;
        }
    }

    /// <summary>Finite points in x order; a non-finite or inverted interval collapses onto the point.</summary>
    public static SeriesPoint[] Usable(PlotSeries series) =>
        series.Points
            .Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y))
            .Select(p => double.IsFinite(p.Lower) && double.IsFinite(p.Upper) && p.Lower <= p.Upper
                ? p with { Lower = Math.Min(p.Lower, p.Y), Upper = Math.Max(p.Upper, p.Y) }
                : p with { Lower = p.Y, Upper = p.Y })
            .OrderBy(p => p.X)
            .ToArray();

    /// <summary>Distinct marker shapes as well as colours, so lines stay apart in greyscale.</summary>
    public static MarkerShape MarkerShapes(int index) => (index % 5) switch
    {
        0 => MarkerShape.FilledCircle,
        1 => MarkerShape.FilledSquare,
        2 => MarkerShape.FilledTriangleUp,
        3 => MarkerShape.FilledDiamond,
        _ => MarkerShape.FilledTriangleDown,
    };

    /// <summary>Shows the legend outside the data area (right), so it never hides a line or band.</summary>
    public static void LegendOutside(Plot plot, int seriesCount)
    {
        if (seriesCount > 1)
            plot.ShowLegend(Edge.Right);
        else
            plot.HideLegend();
    }
}
