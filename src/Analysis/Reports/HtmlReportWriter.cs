using System.Net;
using System.Text;

namespace Studies.Analysis.Reports;

/// <summary>
/// Writes report.html as one self-contained file: inline CSS, figures as base64 data URIs, no scripts and no external
/// requests, so it opens offline, can be mailed or archived, and renders the same everywhere. It has a table of
/// contents and prints cleanly.
/// </summary>
public static class HtmlReportWriter
{
    public static string Render(ReportDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var outline = new ReportOutline(document);
        var html = new StringBuilder(64 * 1024);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Encode(document.Title)).Append("</title>\n")
            .Append("<style>\n").Append(HtmlReportStyle.Css).Append("</style>\n</head>\n<body>\n<main>\n<header>\n")
            .Append("<h1>").Append(Encode(document.Title)).Append("</h1>\n");
        if (!string.IsNullOrWhiteSpace(document.Subtitle))
            html.Append("<p class=\"subtitle\">").Append(Encode(document.Subtitle)).Append("</p>\n");
        html.Append("</header>\n");

        if (document.Sections.Count > 0)
        {
            html.Append("<nav class=\"toc\" aria-label=\"Contents\">\n<h2>Contents</h2>\n");
            AppendToc(html, document.Sections, outline);
            html.Append("</nav>\n");
        }

        foreach (var section in document.Sections)
            AppendSection(html, section, 2, outline);
        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>Writes the HTML file atomically (temporary file, then rename).</summary>
    public static Task WriteAsync(ReportDocument document, string path, CancellationToken cancellationToken = default) =>
        AtomicFile.WriteAllTextAsync(path, Render(document), cancellationToken);

    private static void AppendToc(StringBuilder html, IReadOnlyList<ReportSection> sections, ReportOutline outline)
    {
        html.Append("<ol>\n");
        foreach (var s in sections)
        {
            html.Append("<li><a href=\"#").Append(outline.SectionId(s)).Append("\">").Append(Encode(s.Heading)).Append("</a>");
            if (s.Subsections.Count > 0)
            {
                html.Append('\n');
                AppendToc(html, s.Subsections, outline);
            }

            html.Append("</li>\n");
        }

        html.Append("</ol>\n");
    }

    private static void AppendSection(StringBuilder html, ReportSection section, int level, ReportOutline outline)
    {
        int h = Math.Min(level, 6);
        html.Append("<section id=\"").Append(outline.SectionId(section)).Append("\">\n")
            .Append("<h").Append(h).Append('>').Append(Encode(section.Heading)).Append("</h").Append(h).Append(">\n");
        foreach (var block in section.Blocks)
        {
            switch (block)
            {
                case ReportParagraph p:
                    html.Append("<p>").Append(Encode(p.Text).ReplaceLineEndings("<br>\n")).Append("</p>\n");
                    break;
                case ReportTable t:
                    AppendTable(html, t, outline.Number(t));
                    break;
                case ReportFigure f:
                    AppendFigure(html, f, outline.Number(f));
                    break;
                default:
                    throw new NotSupportedException($"No HTML rendering for {block.GetType().Name}.");
            }
        }

        foreach (var sub in section.Subsections)
            AppendSection(html, sub, level + 1, outline);
        html.Append("</section>\n");
    }

    private static void AppendTable(StringBuilder html, ReportTable table, int number)
    {
        bool[] numeric = Enumerable.Range(0, table.Header.Count).Select(table.IsNumericColumn).ToArray();
        html.Append("<div class=\"table-wrap\">\n<table>\n<caption><span class=\"label\">Table ").Append(number).Append(".</span>");
        if (!string.IsNullOrEmpty(table.Caption))
            html.Append(' ').Append(Encode(table.Caption));
        html.Append("</caption>\n<thead>\n<tr>");
        for (int c = 0; c < table.Header.Count; c++)
            html.Append(numeric[c] ? "<th class=\"num\">" : "<th>").Append(Encode(table.Header[c])).Append("</th>");
        html.Append("</tr>\n</thead>\n<tbody>\n");
        for (int r = 0; r < table.Rows.Count; r++)
        {
            html.Append("<tr>");
            for (int c = 0; c < table.Header.Count; c++)
                html.Append(numeric[c] ? "<td class=\"num\">" : "<td>").Append(Encode(table.Cell(r, c))).Append("</td>");
            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n</div>\n");
    }

    private static void AppendFigure(StringBuilder html, ReportFigure figure, int number)
    {
        PngHeader.TryReadSize(figure.Png, out int width, out int height);
        html.Append("<figure id=\"figure-").Append(number).Append("\">\n<img src=\"data:image/png;base64,")
            .Append(Convert.ToBase64String(figure.Png)).Append("\" alt=\"").Append(Encode(figure.AltText))
            .Append("\" width=\"").Append(width).Append("\" height=\"").Append(height).Append("\">\n")
            .Append("<figcaption><span class=\"label\">Figure ").Append(number).Append(".</span>");
        if (figure.Caption.Length > 0)
            html.Append(' ').Append(Encode(figure.Caption));
        html.Append("</figcaption>\n</figure>\n");
    }

    private static string Encode(string? text) => WebUtility.HtmlEncode(text ?? "");
}
