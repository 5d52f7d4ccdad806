using ScottPlot;
using SkiaSharp;

namespace Studies.Analysis.Plots;

/// <summary>
/// Picks the font every figure uses. SkiaSharp's dependency-free Linux build reads fonts from the system folders only, and
/// headless machines may have a single family (or an odd default such as a serif): without a family that exists,
/// labels silently vanish. STUDIES_PLOT_FONT may name a family or a .ttf/.otf file.
/// </summary>
public static class PlotFont
{
    public const string EnvironmentVariable = "STUDIES_PLOT_FONT";

    private const string FileFontName = "Studies Plot Font";

    private static readonly string[] s_preferred =
        ["DejaVu Sans", "Liberation Sans", "Noto Sans", "Arial", "Helvetica", "Nimbus Sans", "FreeSans", "Open Sans", "Roboto", "Ubuntu"];

    private static readonly Lazy<string> s_family = new(Resolve, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The family used by all figures (resolved once per process).</summary>
    public static string Family => s_family.Value;

    /// <summary>True when some real font was found; false means text in figures cannot be drawn on this machine.</summary>
    public static bool Available => Family.Length > 0;

    internal static SKTypeface Typeface(bool bold) =>
        Available ? Fonts.GetTypeface(Family, bold, italic: false) : SKTypeface.Default;

    private static string Resolve()
    {
        string? requested = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(requested))
        {
            if (File.Exists(requested))
            {
                Fonts.AddFontFile(FileFontName, requested);
                Fonts.AddFontFile(FileFontName, requested, bold: true);
                return FileFontName;
            }

            if (Installed(requested))
                return requested;
        }

        foreach (string family in s_preferred)
        {
            if (Installed(family))
                return family;
        }

        // Any installed family beats none; sans-serif-looking names first.
        var families = SKFontManager.Default.FontFamilies.Where(f => !string.IsNullOrWhiteSpace(f)).Order(StringComparer.Ordinal).ToArray();
        return families.FirstOrDefault(f => f.Contains("Sans", StringComparison.OrdinalIgnoreCase)) ?? families.FirstOrDefault() ?? "";
    }

    private static bool Installed(string family)
    {
        using var typeface = SKFontManager.Default.MatchFamily(family);
        return typeface is not null && string.Equals(typeface.FamilyName, family, StringComparison.OrdinalIgnoreCase);
    }
}
