using System.Globalization;
using Studies.Analysis.Reports;
using Studies.Analysis.Runs;
using Studies.Analysis.Statistics;
using Studies.Experiments.Sweeps;

namespace Studies.Analysis.Sweeps;

/// <summary>
/// Lays a sweep out as one report: the runs, one accuracy table across runs (study × model × the sweep's parameters ×
/// condition), and the base-vs-assistant paired deltas of every run, Holm-adjusted over the whole sweep.
/// </summary>
public static class SweepReportBuilder
{
    public static ReportDocument Build(SweepStatus status, IReadOnlyList<SweepRunSummary> runs)
    {
        var axes = runs.SelectMany(r => r.Point.Parameters.Select(p => p.Name)).Distinct(StringComparer.Ordinal).ToList();
        bool seeds = runs.Any(r => r.Point.Seed is not null);
        var sections = new List<ReportSection> { Runs(status, runs), Accuracy(runs, axes, seeds) };
        if (runs.Any(r => r.Summary?.BaseVsAssistant.Count > 0))
        {
            sections.Add(BaseVsAssistant(runs, axes, seeds));
        }

        return new ReportDocument($"Sweep report: {status.Name}", sections)
        {
            Subtitle = $"{status.Summary}; {runs.Sum(r => r.Summary?.Trials ?? 0)} trials; generated {status.GeneratedUtc.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC",
        };
    }

    /// <summary>The sweep's parameter values of a run, one cell per axis (empty where the run's grid has no such axis).</summary>
    public static IReadOnlyList<string> ParameterCells(SweepPoint point, IReadOnlyList<string> axes, bool seeds)
    {
        var cells = new List<string>();
        if (seeds)
        {
            cells.Add(point.Seed ?? "");
        }

        cells.AddRange(axes.Select(a => point.Parameters.FirstOrDefault(p => p.Name == a)?.Value ?? ""));
        return cells;
    }

    public static IReadOnlyList<string> ParameterHeader(IReadOnlyList<string> axes, bool seeds) =>
        [.. seeds ? ["seed"] : Array.Empty<string>(), .. axes];

    private static ReportSection Runs(SweepStatus status, IReadOnlyList<SweepRunSummary> runs)
    {
        var table = new ReportTable(["run", "study", "models", "values", "phase", "trials", "failed", "error"],
            runs.Select(r => (IReadOnlyList<string>)
            [
                r.Point.Id, r.Point.Study, string.Join(" + ", r.Point.Models), r.Point.Describe(), r.Progress.Phase.ToString().ToLowerInvariant(),
                $"{r.Progress.Done}/{r.Progress.Total?.ToString(CultureInfo.InvariantCulture) ?? "?"}", r.Progress.FailedTrials.ToString(CultureInfo.InvariantCulture),
                FirstLine(r.Progress.Error),
            ]).ToList(),
            "Every run of the sweep; each has its own results folder (and report) under runs/<run>/results.");
        return new ReportSection("Runs",
            new ReportParagraph($"{status.Runs.Count} runs from the sweep's grid; each is one study with one combination of models and values. " +
                "Accuracies carry 95% Wilson intervals; base-vs-assistant deltas carry 95% paired bootstrap intervals over items."),
            table);
    }

    private static ReportSection Accuracy(IReadOnlyList<SweepRunSummary> runs, IReadOnlyList<string> axes, bool seeds)
    {
        var rows = runs.Where(r => r.Summary is not null)
            .SelectMany(r => r.Summary!.Groups.Select(g => (Run: r, Group: g)))
            .OrderBy(x => x.Group.Study, StringComparer.Ordinal)
            .ThenBy(x => x.Group.Model, StringComparer.Ordinal)
            .ThenBy(x => string.Join('\u0001', ParameterCells(x.Run.Point, axes, seeds)), StringComparer.Ordinal)
            .ThenBy(x => x.Group.Condition, StringComparer.Ordinal)
            .ThenBy(x => x.Group.Facets, StringComparer.Ordinal)
            .Select(x => (IReadOnlyList<string>)
            [
                x.Group.Study, x.Group.Model, x.Group.Role, .. ParameterCells(x.Run.Point, axes, seeds), x.Group.Condition, x.Group.Facets,
                x.Group.N.ToString(CultureInfo.InvariantCulture), F(x.Group.Accuracy.Estimate), Ci(x.Group.Accuracy), x.Group.Failed.ToString(CultureInfo.InvariantCulture),
            ]).ToList();
        var table = new ReportTable(["study", "model", "role", .. ParameterHeader(axes, seeds), "condition", "facets", "n", "accuracy", "95% CI", "failed"], rows,
            "Accuracy across runs: study × model × the sweep's values × condition.");
        return new ReportSection("Accuracy across runs", table);
    }

    private static ReportSection BaseVsAssistant(IReadOnlyList<SweepRunSummary> runs, IReadOnlyList<string> axes, bool seeds)
    {
        var comparisons = runs.Where(r => r.Summary is not null)
            .SelectMany(r => r.Summary!.BaseVsAssistant.Select(c => (Run: r, Comparison: c)))
            .ToList();

        // Many runs make many tests: adjust over the whole sweep, not run by run.
        double[] holm = HolmBonferroni.Adjust(comparisons.Select(c => c.Comparison.McNemarP).ToArray());
        var rows = comparisons.Select((x, i) => (IReadOnlyList<string>)
        [
            x.Comparison.Study, .. ParameterCells(x.Run.Point, axes, seeds), x.Comparison.Group, x.Comparison.BaseModel, x.Comparison.AssistantModel,
            x.Comparison.Delta.N.ToString(CultureInfo.InvariantCulture), F(x.Comparison.BaseAccuracy.Estimate), F(x.Comparison.AssistantAccuracy.Estimate),
            Signed(x.Comparison.Delta.Estimate), Ci(x.Comparison.Delta), P(x.Comparison.McNemarP), P(holm[i]),
        ]).ToList();
        var table = new ReportTable(["study", .. ParameterHeader(axes, seeds), "condition", "base", "assistant", "n", "base acc.", "assistant acc.", "delta", "95% CI", "McNemar p", "Holm p"], rows,
            "Assistant minus base accuracy on the same items (paired), per run and condition; Holm adjustment over every comparison of the sweep.");
        return new ReportSection("Base vs assistant", table);
    }

    private static string FirstLine(string? text) => text is null ? "" : text.Split('\n')[0];

    private static string F(double v) => double.IsNaN(v) ? "n/a" : v.ToString("0.000", CultureInfo.InvariantCulture);

    private static string Signed(double v) => double.IsNaN(v) ? "n/a" : v.ToString("+0.000;-0.000;0.000", CultureInfo.InvariantCulture);

    private static string Ci(Summary s) => double.IsNaN(s.Lower) ? "" : $"[{F(s.Lower)}, {F(s.Upper)}]";

    private static string P(double p) => double.IsNaN(p) ? "n/a" : p < 0.001 ? "<0.001" : p.ToString("0.000", CultureInfo.InvariantCulture);
}
