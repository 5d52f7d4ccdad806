using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Studies.Analysis.Reports;
using Studies.Experiments.Results;

namespace Studies.Analysis.Runs;

/// <summary>Where a report went.</summary>
public sealed record ReportFiles(string Summary, string Markdown, string Html);

/// <summary>
/// Rebuilds a results folder's summary.json, report.md (with figures/) and report.html from manifest.json and
/// trials.jsonl alone; used at the end of `studies run` and by `studies report`.
/// </summary>
public sealed class RunReporter(ILogger<RunReporter>? logger = null)
{
    private readonly ILogger _logger = logger ?? (ILogger)NullLogger.Instance;
    private readonly RunSummaryBuilder _summaries = RunSummaryBuilder.Default;

    public async Task<ReportFiles> WriteAsync(string folder, CancellationToken cancellationToken)
    {
        string manifestPath = Path.Combine(folder, RunFolders.ManifestFile);
        string trialsPath = Path.Combine(folder, TrialLog.FileName);
        if (!File.Exists(manifestPath) || !File.Exists(trialsPath))
        {
            throw new FileNotFoundException($"{folder} is not a results folder (it needs {RunFolders.ManifestFile} and {TrialLog.FileName}); pass a folder written by 'studies run'.");
        }

        var manifest = JsonSerializer.Deserialize(await File.ReadAllTextAsync(manifestPath, cancellationToken), ResultsJsonContext.Default.RunManifest)
            ?? throw new JsonException($"{manifestPath} is empty.");
        var trials = TrialLog.ReadAll(trialsPath, _logger);
        var summary = _summaries.Build(manifest, trials);
        var studies = RunSummaryBuilder.Studies(manifest, trials);
        var document = new RunReportBuilder(_summaries).Build(manifest, summary, studies);

        var files = new ReportFiles(Path.Combine(folder, "summary.json"), Path.Combine(folder, "report.md"), Path.Combine(folder, "report.html"));
        await AtomicFile.WriteAllTextAsync(files.Summary, JsonSerializer.Serialize(summary, SummaryJsonContext.Default.RunSummary), cancellationToken);
        await MarkdownReportWriter.WriteAsync(document, files.Markdown, cancellationToken);
        await HtmlReportWriter.WriteAsync(document, files.Html, cancellationToken);
        _logger.LogInformation("Wrote {Summary}, {Markdown} and {Html}", files.Summary, files.Markdown, files.Html);
        return files;
    }
}
