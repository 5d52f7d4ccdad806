using SkiaSharp;

namespace Studies.Analysis.Tests.Plots;

/// <summary>Decodes a PNG and measures how much of it is drawn, so tests can tell a real chart from a blank canvas.</summary>
internal sealed class PngInspector
{
    private readonly SKBitmap _bitmap;

    public PngInspector(byte[] png)
    {
        Assert.True(png.Length > 8 && png[0] == 0x89 && png[1] == (byte)'P' && png[2] == (byte)'N' && png[3] == (byte)'G', "Not a PNG signature.");
        _bitmap = SKBitmap.Decode(png) ?? throw new InvalidOperationException("SkiaSharp could not decode the PNG.");
    }

    public int Width => _bitmap.Width;

    public int Height => _bitmap.Height;

    /// <summary>Fraction of pixels in the rectangle that are not (near-)white.</summary>
    public double InkFraction(int left = 0, int top = 0, int? right = null, int? bottom = null)
    {
        int r = right ?? Width, b = bottom ?? Height, ink = 0, total = 0;
        for (int y = top; y < b; y++)
        {
            for (int x = left; x < r; x++)
            {
                var c = _bitmap.GetPixel(x, y);
                if (c.Red < 235 || c.Green < 235 || c.Blue < 235)
                    ink++;
                total++;
            }
        }

        return total == 0 ? 0 : (double)ink / total;
    }

    /// <summary>Pixels that are dark (text, axes) in the rectangle.</summary>
    public int DarkPixels(int left, int top, int right, int bottom)
    {
        int dark = 0;
        for (int y = top; y < bottom; y++)
            for (int x = left; x < right; x++)
                if (Luminance(_bitmap.GetPixel(x, y)) < 100)
                    dark++;
        return dark;
    }

    /// <summary>Variance of luminance over the whole image (0 for a flat image).</summary>
    public double LuminanceVariance()
    {
        double sum = 0, sumSq = 0;
        int n = Width * Height;
        for (int y = 0; y < Height; y++)
        {
            for (int x = 0; x < Width; x++)
            {
                double l = Luminance(_bitmap.GetPixel(x, y));
                sum += l;
                sumSq += l * l;
            }
        }

        double mean = sum / n;
        return sumSq / n - mean * mean;
    }

    /// <summary>Distinct colours that are saturated (series colours, not the greys of text and grid).</summary>
    public int SaturatedColours()
    {
        var seen = new HashSet<uint>();
        for (int y = 0; y < Height; y += 2)
        {
            for (int x = 0; x < Width; x += 2)
            {
                var c = _bitmap.GetPixel(x, y);
                int max = Math.Max(c.Red, Math.Max(c.Green, c.Blue)), min = Math.Min(c.Red, Math.Min(c.Green, c.Blue));
                if (max - min > 80)
                    seen.Add((uint)((c.Red >> 5) << 6 | (c.Green >> 5) << 3 | (c.Blue >> 5)));
            }
        }

        return seen.Count;
    }

    private static double Luminance(SKColor c) => 0.2126 * c.Red + 0.7152 * c.Green + 0.0722 * c.Blue;
}
