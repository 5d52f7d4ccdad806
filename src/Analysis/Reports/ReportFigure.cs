using Studies.Analysis.Plots;

namespace Studies.Analysis.Reports;

/// <summary>A PNG figure with its caption (shown as "Figure n. caption") and alt text (for screen readers).</summary>
/// <param name="Name">A short stable name; the Markdown writer derives the figure's file name from it.</param>
public sealed record ReportFigure : ReportBlock
{
    public ReportFigure(string name, byte[] png, string caption, string altText)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(png);
        if (!PngHeader.TryReadSize(png, out _, out _))
            throw new ArgumentException($"Figure \"{name}\" is not a PNG image.", nameof(png));

        Name = name;
        Png = png;
        Caption = caption ?? "";
        AltText = string.IsNullOrWhiteSpace(altText) ? Caption : altText;
    }

    public string Name { get; }

    public byte[] Png { get; }

    public string Caption { get; }

    public string AltText { get; }

    public static ReportFigure From(PlotImage image, string name, string caption, string altText) =>
        new(name, image.Png, caption, altText);
}
