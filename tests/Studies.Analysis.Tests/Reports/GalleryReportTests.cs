using Studies.Analysis.Plots;
using Studies.Analysis.Reports;
using Studies.Analysis.Tests.Plots;

namespace Studies.Analysis.Tests.Reports;

public sealed class GalleryReportTests
{
    [Fact]
    public async Task Every_chart_goes_into_one_report_in_both_formats()
    {
        var sections = SampleFigures.All().Select(c => new ReportSection(c.Name,
            ReportFigure.From(c.Render(null), c.Name, $"Sample {c.Name} figure.", $"{c.Name} chart"))).ToArray();
        var doc = new ReportDocument("Figure gallery", sections) { Subtitle = "Every chart of Studies.Analysis.Plots on sample data" };

        string html = HtmlReportWriter.Render(doc);
        Assert.Equal(sections.Length, html.Split("data:image/png;base64,").Length - 1);
        Assert.Equal(sections.Length, MarkdownReportWriter.Render(doc).Split("](figures/").Length - 1);

        string dir = TempDir.Create();
        try
        {
            await MarkdownReportWriter.WriteAsync(doc, Path.Combine(dir, "report.md"));
            Assert.Equal(sections.Length, Directory.GetFiles(Path.Combine(dir, MarkdownReportWriter.FiguresFolder), "*.png").Length);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }

        await SampleOutput.SaveReportAsync("gallery-report", doc);
    }
}
