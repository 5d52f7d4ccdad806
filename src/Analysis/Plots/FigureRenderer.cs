using System.Text;
using ScottPlot;
using SkiaSharp;

namespace Studies.Analysis.Plots;

/// <summary>
/// Draws one or more plots side by side onto a PNG (and an SVG when asked). Panels share one canvas so that a
/// base-versus-assistant pair is a single figure; a figure title spans the panels when there are several.
/// </summary>
internal static class FigureRenderer
{
    private const float SuperTitleHeight = 36;

    public static PlotImage Render(Plot plot, FigureOptions options) => Render([plot], options, superTitle: null);

    public static PlotImage Render(IReadOnlyList<Plot> panels, FigureOptions options, string? superTitle)
    {
        options.Validate();
        if (panels.Count == 0)
            throw new ArgumentException("A figure needs at least one panel.", nameof(panels));

        try
        {
            int width = (int)Math.Round(options.Width * options.Scale);
            int height = (int)Math.Round(options.Height * options.Scale);
            byte[] png;
            using (var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul))
                ?? throw new InvalidOperationException($"SkiaSharp could not create a {width}×{height} surface."))
            {
                Draw(surface.Canvas, panels, options, superTitle, (float)options.Scale);
                using var image = surface.Snapshot();
                using var data = image.Encode(SKEncodedImageFormat.Png, 100);
                png = data.ToArray();
            }

            string? svg = null;
            if (options.IncludeSvg)
            {
                using var stream = new MemoryStream();
                using (var canvas = SKSvgCanvas.Create(new SKRect(0, 0, options.Width, options.Height), stream))
                {
                    Draw(canvas, panels, options, superTitle, 1f);
                }

                svg = Encoding.UTF8.GetString(stream.ToArray());
            }

            return new PlotImage(png, width, height, svg);
        }
        finally
        {
            foreach (var p in panels)
                p.Dispose();
        }
    }

    private static void Draw(SKCanvas canvas, IReadOnlyList<Plot> panels, FigureOptions options, string? superTitle, float scale)
    {
        canvas.Clear(SKColors.White);
        canvas.Save();
        // Scaling the canvas (rather than ScottPlot's own scale factor) keeps the layout identical at every density.
        canvas.Scale(scale);
        float top = 0;
        if (panels.Count > 1 && !string.IsNullOrEmpty(superTitle))
        {
            DrawSuperTitle(canvas, superTitle, options.Width);
            top = SuperTitleHeight;
        }

        float panelWidth = (float)options.Width / panels.Count;
        for (int i = 0; i < panels.Count; i++)
        {
            var rect = new PixelRect(i * panelWidth, (i + 1) * panelWidth, options.Height, top);
            // ScottPlot clears the canvas before drawing a plot; the clip confines that to the panel's own rectangle.
            canvas.Save();
            canvas.ClipRect(new SKRect(rect.Left, rect.Top, rect.Right, rect.Bottom));
            panels[i].Render(canvas, rect);
            canvas.Restore();
        }

        canvas.Restore();
    }

    private static void DrawSuperTitle(SKCanvas canvas, string text, float width)
    {
        using var font = new SKFont(PlotFont.Typeface(bold: true), PlotTheme.TitleSize);
        using var paint = new SKPaint { Color = new SKColor(0x22, 0x22, 0x22), IsAntialias = true };
        canvas.DrawText(text, width / 2, SuperTitleHeight - 10, SKTextAlign.Center, font, paint);
    }
}
