namespace Studies.Analysis.Reports;

/// <summary>
/// A report as plain data — title, sections of paragraphs, tables and figures — independent of the output format,
/// so the same document becomes report.md and report.html.
/// </summary>
/// <param name="Title">The report's title (first heading, HTML title).</param>
/// <param name="Sections">Top-level sections, in order.</param>
public sealed record ReportDocument(string Title, IReadOnlyList<ReportSection> Sections)
{
    /// <summary>A line under the title (run id, models, date…); omitted when null.</summary>
    public string? Subtitle { get; init; }

    /// <summary>Every figure in document order (depth first), the order in which they are numbered.</summary>
    public IReadOnlyList<ReportFigure> Figures() => Sections.SelectMany(s => s.Descendants()).SelectMany(s => s.Blocks).OfType<ReportFigure>().ToArray();
}
