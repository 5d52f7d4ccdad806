using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Studies.Analysis.Statistics;

namespace Studies.Analysis.Diff;

/// <summary>How numbers and texts of a diff are written in its reports and on the console (invariant culture).</summary>
public static class DiffText
{
    public const string None = "—";

    /// <summary>0.612 → "61.2%"; NaN → "—".</summary>
    public static string Percent(double fraction) =>
        double.IsFinite(fraction) ? (fraction * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : None;

    /// <summary>An accuracy delta in percentage points with its interval: "+3.1 [−1.0, +7.2]"; NaN → "—".</summary>
    public static string Points(Summary delta)
    {
        if (!double.IsFinite(delta.Estimate))
        {
            return None;
        }

        string estimate = SignedPoints(delta.Estimate);
        return double.IsFinite(delta.Lower) && double.IsFinite(delta.Upper)
            ? $"{estimate} [{SignedPoints(delta.Lower)}, {SignedPoints(delta.Upper)}]"
            : estimate;
    }

    /// <summary>A fraction as signed percentage points: −0.031 → "−3.1".</summary>
    public static string SignedPoints(double fraction) => Signed(fraction * 100, "0.0");

    /// <summary>A score delta with its interval, four significant decimals: "+0.0312 [−0.01, +0.07]".</summary>
    public static string Delta(Summary delta)
    {
        if (!double.IsFinite(delta.Estimate))
        {
            return None;
        }

        string estimate = Signed(delta.Estimate, "0.####");
        return double.IsFinite(delta.Lower) && double.IsFinite(delta.Upper)
            ? $"{estimate} [{Signed(delta.Lower, "0.####")}, {Signed(delta.Upper, "0.####")}]"
            : estimate;
    }

    public static string Number(double value) =>
        double.IsFinite(value) ? value.ToString("0.####", CultureInfo.InvariantCulture) : None;

    /// <summary>A p-value: "0.031", "1", small ones as "3.2e-05"; NaN → "—".</summary>
    public static string PValue(double p) => double.IsNaN(p)
        ? None
        : p >= 0.001 ? p.ToString("0.###", CultureInfo.InvariantCulture) : p.ToString("0.0e+00", CultureInfo.InvariantCulture);

    public static string Count(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>Text for a table cell: one line (line breaks shown as ⏎), cut to <paramref name="max"/> characters; null → "—".</summary>
    public static string Cut(string? text, int max)
    {
        if (text is null)
        {
            return None;
        }

        string line = text.ReplaceLineEndings("\n").Replace("\n", " ⏎ ", StringComparison.Ordinal);
        return line.Length <= max ? line : line[..Math.Max(0, max - 1)] + "…";
    }

    /// <summary>The first 12 characters of a hash.</summary>
    public static string Short(string? hash) => hash is null ? None : hash.Length > 12 ? hash[..12] : hash;

    /// <summary>A manifest value: "—" when absent; a long one (a chat template) as its start, length and sha256 prefix.</summary>
    public static string Setting(string? value)
    {
        if (value is null)
        {
            return None;
        }

        if (value.Length <= 100)
        {
            return Cut(value, 100);
        }

        string sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..12];
        return $"{Cut(value, 48)} ({Count(value.Length)} chars, sha256 {sha})";
    }

    private static string Signed(double value, string format)
    {
        string text = Math.Abs(value).ToString(format, CultureInfo.InvariantCulture);
        return text.Trim('0', '.').Length == 0 ? text : (value < 0 ? "−" : "+") + text;
    }
}
