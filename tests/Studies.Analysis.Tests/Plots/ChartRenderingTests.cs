using Studies.Analysis.Plots;

namespace Studies.Analysis.Tests.Plots;

public sealed class ChartRenderingTests
{
    public static TheoryData<string> ChartNames()
    {
        var data = new TheoryData<string>();
        foreach (var (name, _) in SampleFigures.All())
            data.Add(name);
        return data;
    }

    [Theory]
    [MemberData(nameof(ChartNames))]
    public void Every_chart_renders_a_non_blank_png_of_the_requested_size(string name)
    {
        var image = Render(name, new FigureOptions { Width = 800, Height = 500 });
        SampleOutput.Save(name, image);

        var png = new PngInspector(image.Png);
        Assert.Equal((800, 500), (png.Width, png.Height));
        Assert.Equal((800, 500), (image.Width, image.Height));
        double ink = png.InkFraction();
        Assert.InRange(ink, 0.03, 0.8);
        Assert.True(png.LuminanceVariance() > 100, $"{name}: luminance variance {png.LuminanceVariance():0.0} — the image is nearly flat.");
        Assert.True(png.SaturatedColours() >= 1, $"{name}: no coloured data marks were drawn.");
    }

    [Theory]
    [MemberData(nameof(ChartNames))]
    public void Every_chart_draws_its_title_text(string name)
    {
        // The title band must hold dark glyph pixels: with no usable font, SkiaSharp silently draws no text at all.
        var png = new PngInspector(Render(name, null).Png);
        Assert.True(png.DarkPixels(100, 0, 700, 40) > 150, $"{name}: no title text in the top band.");
        Assert.True(PlotFont.Available, "No font was found for plot text.");
    }

    [Fact]
    public void Scale_multiplies_the_pixel_size_and_keeps_the_layout()
    {
        var image = AccuracyVsShotsChart.Render(SampleFigures.AccuracySeries(), new FigureOptions { Width = 400, Height = 300, Scale = 2 });
        var png = new PngInspector(image.Png);
        Assert.Equal((800, 600), (png.Width, png.Height));
        Assert.InRange(png.InkFraction(), 0.03, 0.8);
    }

    [Fact]
    public void Svg_is_produced_on_request_and_only_then()
    {
        Assert.Null(ForestPlot.Render(SampleFigures.ForestRows()).Svg);
        string? svg = ForestPlot.Render(SampleFigures.ForestRows(), new FigureOptions { IncludeSvg = true }).Svg;
        Assert.NotNull(svg);
        Assert.Contains("<svg", svg);
        Assert.Contains("</svg>", svg);
    }

    [Fact]
    public void Reliability_diagram_with_two_panels_draws_both_halves()
    {
        var png = new PngInspector(ReliabilityDiagram.Render(SampleFigures.ReliabilityPanels()).Png);
        Assert.InRange(png.InkFraction(0, 40, 400, 500), 0.03, 0.8);
        Assert.InRange(png.InkFraction(400, 40, 800, 500), 0.03, 0.8);
    }

    [Fact]
    public void Charts_tolerate_empty_and_degenerate_inputs()
    {
        Assert.NotEmpty(AccuracyVsShotsChart.Render([]).Png);
        Assert.NotEmpty(RiskCoverageChart.Render([new RiskCoverageSeries("empty", [])]).Png);
        Assert.NotEmpty(ForestPlot.Render([new LabeledInterval("nan", double.NaN, double.NaN, double.NaN)]).Png);
        Assert.NotEmpty(AccuracyVsShotsChart.Render([new PlotSeries("one", [SeriesPoint.Exact(0, 0.5)])]).Png);
        Assert.NotEmpty(ReliabilityDiagram.Render([new ReliabilityPanel("no items", [])]).Png);
    }

    [Fact]
    public void Invalid_sizes_are_refused_with_a_clear_error()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ForestPlot.Render(SampleFigures.ForestRows(), new FigureOptions { Width = 10 }));
        Assert.Contains("at least 100", e.Message);
    }

    [Fact]
    public void Palette_cycles_and_gives_hex_codes()
    {
        Assert.Equal("#0072B2", Palette.Hex(0), ignoreCase: true);
        Assert.Equal(Palette.Hex(0), Palette.Hex(Palette.Count));
    }

    private static PlotImage Render(string name, FigureOptions? options) =>
        SampleFigures.All().Single(c => c.Name == name).Render(options);
}
