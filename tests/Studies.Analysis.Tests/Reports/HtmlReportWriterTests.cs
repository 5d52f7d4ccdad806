using System.Net;
using System.Text.RegularExpressions;
using Studies.Analysis.Reports;

namespace Studies.Analysis.Tests.Reports;

public sealed partial class HtmlReportWriterTests
{
    [Fact]
    public void Html_is_self_contained_with_no_external_references()
    {
        string html = HtmlReportWriter.Render(SampleReports.Full());
        Assert.DoesNotContain("http://", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https://", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
        foreach (Match m in SrcOrHref().Matches(html))
        {
            string value = m.Groups[2].Value;
            Assert.True(value.StartsWith("data:image/png;base64,", StringComparison.Ordinal) || value.StartsWith('#'), $"External reference: {value[..Math.Min(60, value.Length)]}");
        }
    }

    [Fact]
    public void Figures_are_embedded_as_data_uris_with_their_exact_bytes_and_alt_text()
    {
        var doc = SampleReports.Full();
        string html = HtmlReportWriter.Render(doc);
        var images = Img().Matches(html);
        var figures = doc.Figures();
        Assert.Equal(figures.Count, images.Count);
        for (int i = 0; i < figures.Count; i++)
        {
            Assert.Equal(figures[i].Png, Convert.FromBase64String(images[i].Groups["data"].Value));
            Assert.Equal(figures[i].AltText, WebUtility.HtmlDecode(images[i].Groups["alt"].Value));
            Assert.Equal("800", images[i].Groups["w"].Value);
            Assert.Equal("500", images[i].Groups["h"].Value);
        }

        Assert.Contains("<span class=\"label\">Figure 2.</span> AUROC per signal.", html);
    }

    [Fact]
    public void Table_content_round_trips_through_the_html()
    {
        var table = SampleReports.TrickyTable();
        string html = HtmlReportWriter.Render(new ReportDocument("T", [new ReportSection("S", table)]));

        var header = HeaderCell().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToArray();
        Assert.Equal(table.Header, header);
        var rows = Row().Matches(html).Select(r => DataCell().Matches(r.Value).Select(c => WebUtility.HtmlDecode(c.Groups[1].Value)).ToArray()).Where(r => r.Length > 0).ToArray();
        Assert.Equal(table.Rows.Count, rows.Length);
        for (int r = 0; r < rows.Length; r++)
            for (int c = 0; c < table.Header.Count; c++)
                Assert.Equal(table.Cell(r, c), rows[r][c]);
        Assert.Contains("&lt;|im_end|&gt;", html);
        Assert.Contains("<td class=\"num\">0.25 [0.10, 0.40]</td>", html);
    }

    [Fact]
    public void Table_of_contents_links_every_section_to_a_unique_anchor()
    {
        string html = HtmlReportWriter.Render(SampleReports.Full());
        var toc = TocLink().Matches(html).Select(m => m.Groups[1].Value).ToArray();
        var ids = SectionId().Matches(html).Select(m => m.Groups[1].Value).ToArray();
        Assert.Equal(["overview", "results", "uncertainty", "uncertainty-2"], toc);
        Assert.Equal(toc, ids);
        Assert.Contains("<title>Study report &lt;run 1&gt;</title>", html);
        Assert.Contains("<p>Base versus assistant on the same items.<br>\nSecond line.</p>", html);
    }

    [Fact]
    public async Task WriteAsync_replaces_the_file_atomically_and_leaves_no_temporary_files()
    {
        string dir = TempDir.Create();
        try
        {
            string path = Path.Combine(dir, "report.html");
            await File.WriteAllTextAsync(path, "old report");
            await HtmlReportWriter.WriteAsync(SampleReports.Full(), path);
            Assert.Equal(HtmlReportWriter.Render(SampleReports.Full()), await File.ReadAllTextAsync(path));
            Assert.Single(Directory.GetFiles(dir));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task A_cancelled_write_keeps_the_previous_report_intact()
    {
        string dir = TempDir.Create();
        try
        {
            string path = Path.Combine(dir, "report.html");
            await File.WriteAllTextAsync(path, "previous complete report");
            using var cts = new CancellationTokenSource();
            cts.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => HtmlReportWriter.WriteAsync(SampleReports.Full(), path, cts.Token));
            Assert.Equal("previous complete report", await File.ReadAllTextAsync(path));
            Assert.Single(Directory.GetFiles(dir));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [GeneratedRegex("""(src|href)\s*=\s*"([^"]*)"|(src|href)\s*=\s*'([^']*)'""", RegexOptions.IgnoreCase)]
    private static partial Regex SrcOrHref();

    [GeneratedRegex("""<img src="data:image/png;base64,(?<data>[A-Za-z0-9+/=]+)" alt="(?<alt>[^"]*)" width="(?<w>\d+)" height="(?<h>\d+)">""")]
    private static partial Regex Img();

    [GeneratedRegex("<th(?: class=\"num\")?>(.*?)</th>", RegexOptions.Singleline)]
    private static partial Regex HeaderCell();

    [GeneratedRegex("<tr>.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex Row();

    [GeneratedRegex("<td(?: class=\"num\")?>(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex DataCell();

    [GeneratedRegex("""<li><a href="#([^"]+)">""")]
    private static partial Regex TocLink();

    [GeneratedRegex("""<section id="([^"]+)">""")]
    private static partial Regex SectionId();
}
