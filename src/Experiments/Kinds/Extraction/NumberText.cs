using System.Globalization;
using System.Text.RegularExpressions;

namespace Studies.Experiments.Kinds.Extraction;

/// <summary>Canonical numbers, so "1,000", "1000.0" and "1000" compare equal as answers.</summary>
internal static partial class NumberText
{
    public static string Canonical(string number)
    {
        string s = number.Replace(",", "", StringComparison.Ordinal).Trim();
        if (!decimal.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal d))
        {
            return s;
        }

        string text = d.ToString("0.############################", CultureInfo.InvariantCulture);
        return text == "-0" ? "0" : text;
    }

    /// <summary>
    /// The canonical number of a gold answer when the answer is a number ("42", "$1,200", "3.5%", or GSM8K's
    /// "... #### 42"), else null.
    /// </summary>
    public static string? GoldNumber(string gold)
    {
        int marker = gold.LastIndexOf("####", StringComparison.Ordinal);
        string tail = (marker >= 0 ? gold[(marker + 4)..] : gold).Trim();
        var m = WholeNumber().Match(tail);
        return m.Success ? Canonical(m.Groups[1].Value) : null;
    }

    [GeneratedRegex(@"^\$?\s*(-?\d+(?:,\d{3})*(?:\.\d+)?)\s*%?\.?$")]
    private static partial Regex WholeNumber();
}
