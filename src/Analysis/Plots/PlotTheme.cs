using ScottPlot;

namespace Studies.Analysis.Plots;

/// <summary>The look shared by every chart: one font, sizes readable at 800×500, a light grid, a quiet frame.</summary>
internal static class PlotTheme
{
    public const float TitleSize = 17;
    public const float AxisLabelSize = 14;
    public const float TickLabelSize = 12;
    public const float LegendSize = 12;
    public const float LineWidth = 2.2f;
    public const float MarkerSize = 7;

    /// <summary>A new plot with the house style and the given texts.</summary>
    public static Plot Create(string? title, string? xLabel, string? yLabel)
    {
        var plot = new Plot();
        if (PlotFont.Available)
            plot.Font.Set(PlotFont.Family);

        plot.FigureBackground.Color = Colors.White;
        plot.DataBackground.Color = Colors.White;
        if (!string.IsNullOrEmpty(title))
            plot.Title(title, TitleSize);
        if (!string.IsNullOrEmpty(xLabel))
            plot.XLabel(xLabel, AxisLabelSize);
        if (!string.IsNullOrEmpty(yLabel))
            plot.YLabel(yLabel, AxisLabelSize);

        plot.Axes.Title.Label.ForeColor = Palette.Text;
        foreach (var axis in plot.Axes.GetAxes())
        {
            axis.TickLabelStyle.FontSize = TickLabelSize;
            axis.TickLabelStyle.ForeColor = Palette.Text;
            axis.Label.ForeColor = Palette.Text;
            axis.Label.Bold = false;
            axis.FrameLineStyle.Color = Color.FromHex("#888888");
            axis.MajorTickStyle.Color = Color.FromHex("#888888");
            axis.MinorTickStyle.Length = 0;
        }

        plot.Grid.MajorLineColor = Colors.Black.WithOpacity(0.08);
        plot.Grid.MinorLineWidth = 0;

        plot.Legend.FontSize = LegendSize;
        plot.Legend.FontColor = Palette.Text;
        plot.Legend.OutlineColor = Color.FromHex("#BBBBBB");
        plot.Legend.BackgroundColor = Colors.White.WithOpacity(0.9);
        plot.Legend.ShadowFillStyle.Color = Colors.Transparent;
        plot.Legend.SetBestFontOnEachRender = false;
        if (PlotFont.Available)
            plot.Legend.FontName = PlotFont.Family;
        return plot;
    }

    /// <summary>Small text placed in data coordinates (values above bars, bin counts).</summary>
    public static void StyleAnnotation(ScottPlot.Plottables.Text text, Alignment alignment, float size = 11)
    {
        text.LabelStyle.FontSize = size;
        text.LabelStyle.ForeColor = Palette.Text;
        text.LabelStyle.Alignment = alignment;
        if (PlotFont.Available)
            text.LabelStyle.FontName = PlotFont.Family;
    }

    /// <summary>Fixed ticks at given positions with given labels (shot counts, categories).</summary>
    public static void ManualTicks(IAxis axis, IReadOnlyList<double> positions, IReadOnlyList<string> labels)
    {
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (int i = 0; i < positions.Count; i++)
            ticks.AddMajor(positions[i], labels[i]);
        axis.TickGenerator = ticks;
    }

    /// <summary>Tick labels as percentages for axes on [0, 1].</summary>
    public static void PercentTicks(IAxis axis, double step = 0.2)
    {
        var positions = new List<double>();
        var labels = new List<string>();
        for (int i = 0; i * step <= 1.0 + 1e-9; i++)
        {
            positions.Add(i * step);
            labels.Add($"{Math.Round(i * step * 100):0}%");
        }

        ManualTicks(axis, positions, labels);
    }
}
