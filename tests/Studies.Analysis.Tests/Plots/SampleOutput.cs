using Studies.Analysis.Plots;
using Studies.Analysis.Reports;

namespace Studies.Analysis.Tests.Plots;

/// <summary>Writes rendered figures to the folder in STUDIES_PLOT_SAMPLES (when set) so a person can look at them.</summary>
internal static class SampleOutput
{
    public static void Save(string name, PlotImage image) => Save(name, image.Png);

    public static void Save(string name, byte[] png)
    {
        string? folder = Environment.GetEnvironmentVariable("STUDIES_PLOT_SAMPLES");
        if (string.IsNullOrWhiteSpace(folder))
            return;
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, name + ".png"), png);
    }

    /// <summary>Writes a document as name/report.md (with figures/) and name/report.html.</summary>
    public static async Task SaveReportAsync(string name, ReportDocument document)
    {
        string? folder = Environment.GetEnvironmentVariable("STUDIES_PLOT_SAMPLES");
        if (string.IsNullOrWhiteSpace(folder))
            return;
        string dir = Path.Combine(folder, name);
        await MarkdownReportWriter.WriteAsync(document, Path.Combine(dir, "report.md"));
        await HtmlReportWriter.WriteAsync(document, Path.Combine(dir, "report.html"));
    }
}
