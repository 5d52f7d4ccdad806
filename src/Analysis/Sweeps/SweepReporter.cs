using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Studies.Analysis.Reports;
using Studies.Analysis.Runs;
using Studies.Experiments.Results;
using Studies.Experiments.Sweeps;

namespace Studies.Analysis.Sweeps;

/// <summary>
/// The analysis side of `studies daemon`: each finished run's own report (as `studies run` writes it), and the sweep
/// report — report/sweep-report.md and .html, plus sweep-accuracy.csv for pandas / DuckDB — once the sweep is settled.
/// Runs are summarized one at a time, so memory holds one run's trials at most.
/// </summary>
public sealed class SweepReporter(RunReporter runs, ILogger<SweepReporter>? logger = null) : ISweepReporter
{
    private readonly ILogger _logger = logger ?? (ILogger)NullLogger.Instance;

    public async Task WriteRunAsync(string resultsFolder, CancellationToken cancellationToken) =>
        await runs.WriteAsync(resultsFolder, cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<string>> WriteAsync(SweepStatus status, IReadOnlyList<SweepPoint> points, string folder, CancellationToken cancellationToken)
    {
        var byId = points.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var summaries = new List<SweepRunSummary>();
        foreach (var run in status.Runs.Where(r => byId.ContainsKey(r.Id)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            summaries.Add(new SweepRunSummary(byId[run.Id], run, Summarize(run.Results)));
        }

        var document = SweepReportBuilder.Build(status, summaries);
        string markdown = Path.Combine(folder, "sweep-report.md");
        string html = Path.Combine(folder, "sweep-report.html");
        string csv = Path.Combine(folder, "sweep-accuracy.csv");
        await MarkdownReportWriter.WriteAsync(document, markdown, cancellationToken).ConfigureAwait(false);
        await HtmlReportWriter.WriteAsync(document, html, cancellationToken).ConfigureAwait(false);
        await AtomicFile.WriteAllTextAsync(csv, Csv(summaries), cancellationToken).ConfigureAwait(false);
        return [markdown, html, csv];
    }

    private RunSummary? Summarize(string results)
    {
        if (RunFolders.ReadManifest(results) is not { } manifest)
        {
            return null;
        }

        try
        {
            return RunSummaryBuilder.Default.Build(manifest, TrialLog.ReadAll(results, _logger));
        }
        catch (TrialLogException e)
        {
            _logger.LogWarning("Leaving {Folder} out of the sweep report: {Problem}", results, e.Message);
            return null;
        }
    }

    /// <summary>The accuracy table in long form: one row per run × model × condition × facets.</summary>
    private static string Csv(IReadOnlyList<SweepRunSummary> runs)
    {
        var axes = runs.SelectMany(r => r.Point.Parameters.Select(p => p.Name)).Distinct(StringComparer.Ordinal).ToList();
        var sb = new StringBuilder();
        string[] header = ["run", "study", "model", "role", "seed", .. axes, "condition", "facets", "n", "correct", "accuracy", "ci_low", "ci_high", "failed"];
        sb.AppendJoin(',', header.Select(Cell)).Append('\n');
        foreach (var run in runs.Where(r => r.Summary is not null))
        {
            foreach (var g in run.Summary!.Groups)
            {
                string[] values =
                [
                    run.Point.Id, g.Study, g.Model, g.Role, run.Point.Seed ?? "",
                    .. axes.Select(a => run.Point.Parameters.FirstOrDefault(p => p.Name == a)?.Value ?? ""),
                    g.Condition, g.Facets, Num(g.N), Num((int)Math.Round(g.Accuracy.Estimate * g.N)),
                    Num(g.Accuracy.Estimate), Num(g.Accuracy.Lower), Num(g.Accuracy.Upper), Num(g.Failed),
                ];
                sb.AppendJoin(',', values.Select(Cell)).Append('\n');
            }
        }

        return sb.ToString();
    }

    private static string Num(double v) => double.IsNaN(v) ? "" : v.ToString("R", CultureInfo.InvariantCulture);

    private static string Num(int v) => v.ToString(CultureInfo.InvariantCulture);

    private static string Cell(string text) =>
        text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}
