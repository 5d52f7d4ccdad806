using Studies.Analysis.Plots;
using Studies.Analysis.Reports;
using Studies.Analysis.Tests.Plots;

namespace Studies.Analysis.Tests.Reports;

public sealed class MarkdownReportWriterTests
{
    [Fact]
    public void Small_document_renders_to_exact_markdown()
    {
        var png = ForestPlot.Render([new LabeledInterval("a", 0.1, 0, 0.2)], new FigureOptions { Width = 200, Height = 150 }).Png;
        var doc = new ReportDocument("Report", [
            new ReportSection("Accuracy",
                new ReportParagraph("Gold labels help *a bit*."),
                new ReportTable(["Condition", "Accuracy"], [["gold", "0.81"], ["random", "0.74"]], "Accuracy per condition"),
                new ReportFigure("Accuracy vs shots!", png, "Accuracy by k.", "Line chart"))
            {
                Subsections = [new ReportSection("Notes", new ReportParagraph("1. not a list\n- nor this"))],
            },
        ]) { Subtitle = "run_2024" };

        const string expected = """
            # Report

            *run\_2024*

            ## Accuracy

            Gold labels help \*a bit\*.

            *Table 1. Accuracy per condition*

            | Condition | Accuracy |
            | --- | ---: |
            | gold | 0.81 |
            | random | 0.74 |

            ![Line chart](figures/01-accuracy-vs-shots.png)

            *Figure 1. Accuracy by k.*

            ### Notes

            \1. not a list\
            \- nor this

            """;
        Assert.Equal(expected, MarkdownReportWriter.Render(doc));
    }

    [Fact]
    public void Table_cells_are_escaped_and_kept_on_one_line()
    {
        string md = MarkdownReportWriter.Render(new ReportDocument("T", [new ReportSection("S", SampleReports.TrickyTable())]));
        Assert.Contains(@"| \<\|im\_end\|\> | 12 | a \& b ""quoted"" 'single' |", md);
        Assert.Contains(@"| é ☃ 日本 | 0.25 \[0.10, 0.40\] | two<br>lines |", md);
        Assert.Contains("| short row |  |  |", md);
        Assert.Contains("| --- | ---: | --- |", md);
    }

    [Fact]
    public async Task WriteAsync_saves_figures_beside_the_report_and_links_them()
    {
        string dir = TempDir.Create();
        try
        {
            var doc = SampleReports.Full();
            string path = Path.Combine(dir, "report.md");
            await MarkdownReportWriter.WriteAsync(doc, path);

            string md = await File.ReadAllTextAsync(path);
            var figures = doc.Figures();
            Assert.Equal(2, figures.Count);
            Assert.Contains("](figures/01-forest.png)", md);
            Assert.Contains("](figures/02-auroc.png)", md);
            Assert.Equal(figures[0].Png, await File.ReadAllBytesAsync(Path.Combine(dir, "figures", "01-forest.png")));
            Assert.Equal(figures[1].Png, await File.ReadAllBytesAsync(Path.Combine(dir, "figures", "02-auroc.png")));
            Assert.Empty(Directory.GetFiles(dir, "*.tmp", SearchOption.AllDirectories));
            Assert.Equal(md, MarkdownReportWriter.Render(doc));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
