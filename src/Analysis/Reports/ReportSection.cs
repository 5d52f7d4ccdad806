namespace Studies.Analysis.Reports;

/// <summary>A headed section: its own blocks, then its subsections (one heading level deeper).</summary>
public sealed record ReportSection(string Heading, IReadOnlyList<ReportBlock> Blocks)
{
    public ReportSection(string heading, params ReportBlock[] blocks)
        : this(heading, (IReadOnlyList<ReportBlock>)blocks)
    {
    }

    public IReadOnlyList<ReportSection> Subsections { get; init; } = [];

    /// <summary>This section and all nested ones, depth first.</summary>
    public IEnumerable<ReportSection> Descendants() => Subsections.SelectMany(s => s.Descendants()).Prepend(this);
}
