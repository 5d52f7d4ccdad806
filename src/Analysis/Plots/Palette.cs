using ScottPlot;

namespace Studies.Analysis.Plots;

/// <summary>
/// The Okabe–Ito palette: distinguishable under the common colour-vision deficiencies and in greyscale print, and
/// used in the same order by every chart so a model or condition keeps its colour across figures.
/// </summary>
public static class Palette
{
    private static readonly Color[] s_colors =
    [
        Color.FromHex("#0072B2"), // blue
        Color.FromHex("#D55E00"), // vermillion
        Color.FromHex("#009E73"), // bluish green
        Color.FromHex("#CC79A7"), // reddish purple
        Color.FromHex("#E69F00"), // orange
        Color.FromHex("#56B4E9"), // sky blue
        Color.FromHex("#000000"), // black
        Color.FromHex("#F0E442"), // yellow (last: faint on white)
    ];

    public static int Count => s_colors.Length;

    /// <summary>The colour of the series at <paramref name="index"/> (cycles past the end).</summary>
    public static Color Get(int index) => s_colors[((index % s_colors.Length) + s_colors.Length) % s_colors.Length];

    /// <summary>Hex code (#RRGGBB) of the series colour, for HTML legends that match the figures.</summary>
    public static string Hex(int index) => "#" + Get(index).ToHex()[^6..];

    internal static Color Reference { get; } = Color.FromHex("#555555");

    internal static Color Text { get; } = Color.FromHex("#222222");
}
