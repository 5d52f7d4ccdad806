using Studies.Analysis.Plots;
using Studies.Analysis.Reports;
using Studies.Analysis.Tests.Plots;

namespace Studies.Analysis.Tests.Reports;

/// <summary>Documents used by the writer tests.</summary>
internal static class SampleReports
{
    /// <summary>Cells with characters that are markup in HTML or Markdown, as token texts and model output contain.</summary>
    public static ReportTable TrickyTable() => new(
        ["Token", "Count", "Note"],
        [
            ["<|im_end|>", "12", "a & b \"quoted\" 'single'"],
            ["*bold* _it_ `code` [link](x)", "-3", "pipe | inside"],
            ["é ☃ 日本", "0.25 [0.10, 0.40]", "two\nlines"],
            ["short row"],
        ],
        caption: "Cells that must survive escaping");

    public static ReportDocument Full()
    {
        var forest = ForestPlot.Render(SampleFigures.ForestRows());
        var auroc = AurocChart.Render(SampleFigures.AurocSeries());
        var intro = new ReportSection("Overview", new ReportParagraph("Base versus assistant on the same items.\nSecond line."));
        var results = new ReportSection("Results", new ReportParagraph("Paired deltas per condition."), TrickyTable(),
            ReportFigure.From(forest, "forest", "Paired differences with 95% CIs.", "Forest plot of paired accuracy differences"))
        {
            Subsections =
            [
                new ReportSection("Uncertainty", ReportFigure.From(auroc, "auroc", "AUROC per signal.", "Bar chart of AUROC per uncertainty signal")),
                new ReportSection("Uncertainty", new ReportParagraph("Same heading, distinct anchor.")),
            ],
        };
        return new ReportDocument("Study report <run 1>", [intro, results]) { Subtitle = "stories260K vs stories260K-chat" };
    }
}
