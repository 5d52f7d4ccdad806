namespace Studies.Analysis.Reports;

/// <summary>
/// Numbers and names for one document, shared by both writers so report.md and report.html agree: unique section
/// anchors, "Figure n" / "Table n" in document order, and each figure's file name under figures/.
/// </summary>
internal sealed class ReportOutline
{
    private readonly Dictionary<ReportSection, string> _sectionIds = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<ReportBlock, int> _numbers = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<ReportFigure, string> _fileNames = new(ReferenceEqualityComparer.Instance);

    public ReportOutline(ReportDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var usedIds = new HashSet<string>(StringComparer.Ordinal);
        var usedFiles = new HashSet<string>(StringComparer.Ordinal);
        int figures = 0, tables = 0;
        foreach (var section in document.Sections.SelectMany(s => s.Descendants()))
        {
            if (_sectionIds.ContainsKey(section))
                throw new ArgumentException($"Section \"{section.Heading}\" appears twice in the document; use distinct section objects.", nameof(document));
            _sectionIds[section] = Unique(Slug.Of(section.Heading, "section"), usedIds);
            foreach (var block in section.Blocks)
            {
                switch (block)
                {
                    case ReportFigure figure when !_numbers.ContainsKey(figure):
                        _numbers[figure] = ++figures;
                        _fileNames[figure] = Unique($"{figures:00}-{Slug.Of(figure.Name, "figure")}", usedFiles) + ".png";
                        break;
                    case ReportTable table when !_numbers.ContainsKey(table):
                        _numbers[table] = ++tables;
                        break;
                }
            }
        }
    }

    public string SectionId(ReportSection section) => _sectionIds[section];

    public int Number(ReportBlock block) => _numbers[block];

    /// <summary>The figure's file name (no folder), e.g. "03-reliability.png".</summary>
    public string FileName(ReportFigure figure) => _fileNames[figure];

    public IEnumerable<ReportFigure> FiguresInOrder => _fileNames.Keys.OrderBy(f => _numbers[f]);

    private static string Unique(string candidate, HashSet<string> used)
    {
        string id = candidate;
        for (int i = 2; !used.Add(id); i++)
            id = $"{candidate}-{i}";
        return id;
    }
}
