using System.Text;

namespace Studies.Analysis.Reports;

/// <summary>
/// Writes report.md with its figures as PNG files in a figures/ folder beside it (linked relatively, so the folder can
/// be moved or zipped as a whole). GitHub-flavoured Markdown: pipe tables, numeric columns right-aligned.
/// </summary>
public static class MarkdownReportWriter
{
    public const string FiguresFolder = "figures";

    /// <summary>The Markdown text, with figure links to figures/NN-name.png.</summary>
    public static string Render(ReportDocument document) => Render(document, new ReportOutline(document));

    /// <summary>
    /// Writes the figures (each atomically) and then the Markdown file (atomically), so a report that exists always has
    /// its figures.
    /// </summary>
    public static async Task WriteAsync(ReportDocument document, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var outline = new ReportOutline(document);
        string folder = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, FiguresFolder);
        foreach (var figure in outline.FiguresInOrder)
            await AtomicFile.WriteAllBytesAsync(Path.Combine(folder, outline.FileName(figure)), figure.Png, cancellationToken).ConfigureAwait(false);
        await AtomicFile.WriteAllTextAsync(path, Render(document, outline), cancellationToken).ConfigureAwait(false);
    }

    private static string Render(ReportDocument document, ReportOutline outline)
    {
        var md = new StringBuilder();
        md.Append("# ").Append(MarkdownText.Escape(OneLine(document.Title))).Append("\n\n");
        if (!string.IsNullOrWhiteSpace(document.Subtitle))
            md.Append('*').Append(MarkdownText.Escape(OneLine(document.Subtitle))).Append("*\n\n");
        foreach (var section in document.Sections)
            AppendSection(md, section, 2, outline);
        return md.ToString().TrimEnd('\n') + "\n";
    }

    private static void AppendSection(StringBuilder md, ReportSection section, int level, ReportOutline outline)
    {
        md.Append('#', Math.Min(level, 6)).Append(' ').Append(MarkdownText.Escape(OneLine(section.Heading))).Append("\n\n");
        foreach (var block in section.Blocks)
        {
            switch (block)
            {
                case ReportParagraph p:
                    md.Append(MarkdownText.Paragraph(p.Text)).Append("\n\n");
                    break;
                case ReportTable t:
                    AppendTable(md, t, outline.Number(t));
                    break;
                case ReportFigure f:
                    md.Append("![").Append(MarkdownText.Escape(OneLine(f.AltText))).Append("](")
                      .Append(FiguresFolder).Append('/').Append(outline.FileName(f)).Append(")\n\n");
                    md.Append("*Figure ").Append(outline.Number(f)).Append('.');
                    if (f.Caption.Length > 0)
                        md.Append(' ').Append(MarkdownText.Escape(OneLine(f.Caption)));
                    md.Append("*\n\n");
                    break;
                default:
                    throw new NotSupportedException($"No Markdown rendering for {block.GetType().Name}.");
            }
        }

        foreach (var sub in section.Subsections)
            AppendSection(md, sub, level + 1, outline);
    }

    private static void AppendTable(StringBuilder md, ReportTable table, int number)
    {
        md.Append("*Table ").Append(number).Append('.');
        if (!string.IsNullOrEmpty(table.Caption))
            md.Append(' ').Append(MarkdownText.Escape(OneLine(table.Caption)));
        md.Append("*\n\n");

        md.Append('|');
        foreach (string h in table.Header)
            md.Append(' ').Append(MarkdownText.Cell(h)).Append(" |");
        md.Append("\n|");
        for (int c = 0; c < table.Header.Count; c++)
            md.Append(table.IsNumericColumn(c) ? " ---: |" : " --- |");
        md.Append('\n');
        for (int r = 0; r < table.Rows.Count; r++)
        {
            md.Append('|');
            for (int c = 0; c < table.Header.Count; c++)
                md.Append(' ').Append(MarkdownText.Cell(table.Cell(r, c))).Append(" |");
            md.Append('\n');
        }

        md.Append('\n');
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
