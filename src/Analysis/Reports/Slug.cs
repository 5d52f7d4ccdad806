using System.Text;

namespace Studies.Analysis.Reports;

/// <summary>ASCII slugs for anchors and file names: stable, readable, and safe on every file system.</summary>
internal static class Slug
{
    public static string Of(string text, string fallback, int maxLength = 60)
    {
        var sb = new StringBuilder(Math.Min(text.Length, maxLength));
        bool dash = false;
        foreach (char c in text.Normalize(NormalizationForm.FormD))
        {
            if (sb.Length >= maxLength)
                break;
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (dash && sb.Length > 0)
                    sb.Append('-');
                sb.Append(char.ToLowerInvariant(c));
                dash = false;
            }
            else if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                dash = true;
            }
        }

        return sb.Length == 0 ? fallback : sb.ToString();
    }
}
