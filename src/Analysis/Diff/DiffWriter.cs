using System.Text;
using System.Text.Json;
using Studies.Analysis.Reports;

namespace Studies.Analysis.Diff;

/// <summary>Writes a diff into a folder: diff.md with its figures, a self-contained diff.html, and every flip in flips.jsonl (each file atomically).</summary>
public static class DiffWriter
{
    public const string MarkdownFile = "diff.md";
    public const string HtmlFile = "diff.html";
    public const string FlipsFile = "flips.jsonl";

    public static async Task<DiffFiles> WriteAsync(RunDiff diff, string folder, GateResult? gate = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(diff);
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        string full = Path.GetFullPath(folder);
        var files = new DiffFiles(full, Path.Combine(full, MarkdownFile), Path.Combine(full, HtmlFile), Path.Combine(full, FlipsFile));
        var document = DiffReportBuilder.Build(diff, gate);
        try
        {
            Directory.CreateDirectory(full);
            await MarkdownReportWriter.WriteAsync(document, files.Markdown, cancellationToken).ConfigureAwait(false);
            await HtmlReportWriter.WriteAsync(document, files.Html, cancellationToken).ConfigureAwait(false);
            await AtomicFile.WriteAllTextAsync(files.Flips, FlipsJsonl(diff), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DiffInputException($"cannot write the diff to {full}: {e.Message}", e);
        }

        return files;
    }

    private static string FlipsJsonl(RunDiff diff)
    {
        var text = new StringBuilder();
        foreach (var flip in diff.Flips)
        {
            text.Append(JsonSerializer.Serialize(FlipLine.From(flip), DiffJsonContext.Default.FlipLine)).Append('\n');
        }

        return text.ToString();
    }
}
