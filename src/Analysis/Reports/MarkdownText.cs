using System.Text;

namespace Studies.Analysis.Reports;

/// <summary>
/// Escapes plain text for CommonMark/GFM so that data (token strings such as "&lt;|im_end|&gt;", "*", "_") shows
/// literally instead of turning into markup or raw HTML.
/// </summary>
internal static class MarkdownText
{
    private const string Special = "\\`*_[]<>#|~&";

    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        foreach (char c in text)
        {
            if (Special.Contains(c))
                sb.Append('\\');
            sb.Append(c);
        }

        return sb.ToString();
    }

    /// <summary>A table cell: escaped, on one line (GFM cells cannot span lines).</summary>
    public static string Cell(string text) => Escape(text.Replace("\r\n", "\n", StringComparison.Ordinal)).Replace("\n", "<br>", StringComparison.Ordinal);

    /// <summary>A paragraph: escaped; a line starting with a list or quote marker is protected.</summary>
    public static string Paragraph(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = Escape(lines[i]);
            string trimmed = line.TrimStart();
            if (trimmed.Length > 0 && (trimmed[0] is '-' or '+' or '=' || LooksOrdered(trimmed)))
                line = line[..(line.Length - trimmed.Length)] + "\\" + trimmed;
            lines[i] = line;
        }

        // A backslash hard break keeps the author's line breaks inside one paragraph (trailing spaces get trimmed by editors).
        return string.Join("\\\n", lines);
    }

    private static bool LooksOrdered(string line)
    {
        int i = 0;
        while (i < line.Length && char.IsAsciiDigit(line[i]))
            i++;
        return i > 0 && i < line.Length && line[i] is '.' or ')';
    }
}
