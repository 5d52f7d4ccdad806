namespace Studies.Analysis.Plots;

/// <summary>
/// Size and text of a figure. Null texts fall back to the chart's own defaults, so callers only override what they
/// need; the default 800×500 reads well in a report column and in a paper at single-column width.
/// </summary>
public sealed record FigureOptions
{
    public string? Title { get; init; }

    public string? XLabel { get; init; }

    public string? YLabel { get; init; }

    public int Width { get; init; } = 800;

    public int Height { get; init; } = 500;

    /// <summary>Pixel density multiplier (2 = a sharper image at the same layout, for print).</summary>
    public double Scale { get; init; } = 1.0;

    /// <summary>Also produce an SVG rendering (vector, for papers); off by default because reports embed PNGs.</summary>
    public bool IncludeSvg { get; init; }

    public static FigureOptions Default { get; } = new();

    internal void Validate()
    {
        if (Width < 100 || Height < 100)
            throw new ArgumentOutOfRangeException(nameof(Width), $"A figure must be at least 100×100 pixels; got {Width}×{Height}.");
        if (!(Scale > 0 && Scale <= 8))
            throw new ArgumentOutOfRangeException(nameof(Scale), $"Scale must be in (0, 8]; got {Scale}.");
    }
}
