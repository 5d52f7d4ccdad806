using System.Globalization;
using System.Text.RegularExpressions;

namespace Studies.Experiments.Kinds.Extraction;

/// <summary>Parses a verbalized confidence (Tian et al. 2023) such as "80%", "80" or "0.8" into a probability.</summary>
internal static partial class VerbalConfidence
{
    /// <summary>The stated confidence in [0, 1], or null when the text states none (or an impossible one).</summary>
    public static double? Parse(string text)
    {
        var m = Pattern().Match(text);
        if (!m.Success || !double.TryParse(m.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out double v))
        {
            return null;
        }

        // "0.8" is a probability; "80", "80%" and "1%" are percentages (the prompt asks for a percentage).
        bool probability = !m.Groups[2].Success && m.Groups[1].Value.Contains('.', StringComparison.Ordinal) && v <= 1;
        double p = probability ? v : v / 100;
        return p is >= 0 and <= 1 ? p : null;
    }

    [GeneratedRegex(@"(?<![\d.])(\d+(?:\.\d+)?)\s*(%)?")]
    private static partial Regex Pattern();
}
