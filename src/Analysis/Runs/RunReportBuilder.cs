using System.Globalization;
using Studies.Analysis.Plots;
using Studies.Analysis.Reports;
using Studies.Analysis.Statistics;
using Studies.Experiments.Results;

namespace Studies.Analysis.Runs;

/// <summary>Lays a run's summary out as a report: overview, one section per study with its figures, base vs assistant, failures.</summary>
public sealed class RunReportBuilder(RunSummaryBuilder summaries)
{
    public ReportDocument Build(RunManifest manifest, RunSummary summary, IReadOnlyList<StudyTrials> studies)
    {
        var sections = new List<ReportSection> { Overview(manifest, summary) };
        foreach (var study in studies)
        {
            sections.Add(StudySection(study, summary));
        }

        if (summary.BaseVsAssistant.Count > 0)
        {
            sections.Add(BaseVsAssistant(summary));
        }

        sections.Add(Failures(summary));
        sections.Add(Reproduce(manifest));
        return new ReportDocument($"Studies report: {manifest.ConfigName}", sections)
        {
            Subtitle = $"config {manifest.ConfigHash[..Math.Min(12, manifest.ConfigHash.Length)]}; {summary.Trials} trials ({summary.Failed} failed, {summary.ExtractionFailed} with no extractable answer)",
        };
    }

    private static ReportSection Overview(RunManifest manifest, RunSummary summary)
    {
        var models = new ReportTable(["model", "backend", "parameters", "quantization", "context", "chat template", "sha256"],
            manifest.Models.Select(m => (IReadOnlyList<string>)[m.Name, m.Backend, m.ParameterCount.ToString("N0", CultureInfo.InvariantCulture), m.Quantization ?? "", m.ContextLength.ToString(CultureInfo.InvariantCulture), string.IsNullOrEmpty(m.ChatTemplate) ? "no" : "yes", m.Sha256?[..Math.Min(16, m.Sha256.Length)] ?? ""]).ToList(),
            "Models, identified by their file's sha256.");
        return new ReportSection("Overview",
            new ReportParagraph($"{summary.Trials} trials in {manifest.Config.Studies.Count} studies. Accuracies carry 95% Wilson intervals; differences carry 95% paired bootstrap intervals over items (seed {PairedDelta.BootstrapSeed}). Tiny models answer near chance on most tasks: read the intervals, not the point estimates."),
            models);
    }

    private ReportSection StudySection(StudyTrials study, RunSummary summary)
    {
        var blocks = new List<ReportBlock>();
        var groups = summary.Groups.Where(g => g.Study == study.Study).ToList();
        blocks.Add(new ReportTable(["model", "role", "condition", "facets", "n", "accuracy", "95% CI", "no answer", "failed"],
            groups.Select(g => (IReadOnlyList<string>)[g.Model, g.Role, g.Condition, g.Facets, g.N.ToString(CultureInfo.InvariantCulture), F(g.Accuracy.Estimate), Ci(g.Accuracy), g.ExtractionFailed.ToString(CultureInfo.InvariantCulture), g.Failed.ToString(CultureInfo.InvariantCulture)]).ToList(),
            "Accuracy per model and condition. 'no answer' counts outputs from which no answer could be extracted (scored wrong)."));
        var headlines = summary.Headlines.Where(h => h.Study == study.Study).ToList();
        if (headlines.Count > 0)
        {
            blocks.Add(new ReportTable(["model", "quantity", "estimate", "95% CI", "n"],
                headlines.Select(h => (IReadOnlyList<string>)[h.Model, h.Name, F(h.Value.Estimate), Ci(h.Value), h.Value.N.ToString(CultureInfo.InvariantCulture)]).ToList(),
                "Headline quantities of this study kind."));
            // One line per kind of quantity (e.g. all "AUROC ..." rows share one description).
            blocks.AddRange(headlines.GroupBy(h => h.Description)
                .Select(g => new ReportParagraph($"{string.Join(", ", g.Select(h => h.Name.Split(' ')[0].TrimEnd(':')).Distinct())}: {g.Key}")));
        }

        if (summaries.AnalyzerFor(study.Kind) is { } analyzer)
        {
            blocks.AddRange(analyzer.Figures(study));
        }

        return new ReportSection($"{study.Study} ({study.Kind})", blocks);
    }

    private static ReportSection BaseVsAssistant(RunSummary summary)
    {
        var rows = summary.BaseVsAssistant;
        var table = new ReportTable(["study", "condition", "base", "assistant", "base acc", "assistant acc", "delta", "95% CI", "only base", "only assistant", "McNemar p", "Holm p"],
            rows.Select(r => (IReadOnlyList<string>)[r.Study, r.Group, r.BaseModel, r.AssistantModel, F(r.BaseAccuracy.Estimate), F(r.AssistantAccuracy.Estimate), F(r.Delta.Estimate), Ci(r.Delta),
                r.BaseOnly.ToString(CultureInfo.InvariantCulture), r.AssistantOnly.ToString(CultureInfo.InvariantCulture), P(r.McNemarP), P(r.HolmP)]).ToList(),
            "Assistant minus base on the same items: paired bootstrap CI, McNemar's exact test, Holm-adjusted over all rows.");
        var forest = rows.Select(r => new LabeledInterval($"{r.Study}: {r.Group}", r.Delta.Estimate, Finite(r.Delta.Lower, r.Delta.Estimate), Finite(r.Delta.Upper, r.Delta.Estimate))).ToList();
        var blocks = new List<ReportBlock> { table };
        if (forest.Count > 0)
        {
            var image = ForestPlot.Render(forest, new FigureOptions { Title = "Assistant minus base accuracy", XLabel = "accuracy difference (95% paired bootstrap CI)", Height = Math.Max(300, 60 + 30 * forest.Count) });
            blocks.Add(ReportFigure.From(image, "base-vs-assistant-forest", "Paired accuracy differences, assistant minus base, per study and condition.",
                "Forest plot of assistant-minus-base accuracy differences with 95% confidence intervals, one row per study and condition."));
        }

        return new ReportSection("Base versus assistant", blocks);
    }

    private static ReportSection Failures(RunSummary summary) => summary.Failures.Count == 0
        ? new ReportSection("Failures", new ReportParagraph("No trial failed."))
        : new ReportSection("Failures",
            new ReportParagraph("Failed trials are recorded with their errors and tried again on resume; they are excluded from the metrics above."),
            new ReportTable(["study", "model", "error", "count", "example"],
                summary.Failures.Select(f => (IReadOnlyList<string>)[f.Study, f.Model, f.ErrorType, f.Count.ToString(CultureInfo.InvariantCulture), f.Example]).ToList()));

    private static ReportSection Reproduce(RunManifest manifest)
    {
        var session = manifest.Sessions.LastOrDefault();
        string command = session is null ? "" : "studies " + string.Join(' ', session.Args);
        string runtime = manifest.Models.Select(m => m.RuntimeVersion).FirstOrDefault(r => r is not null) ?? "";
        return new ReportSection("Reproduce",
            new ReportParagraph($"Command: {command}"),
            new ReportParagraph($"Config hash {manifest.ConfigHash}; seeds per study in manifest.json; native runtime: {runtime}; host: {session?.Host.Os} ({session?.Host.ProcessorCount} cores), {session?.Host.Dotnet}."));
    }

    private static string F(double v) => double.IsNaN(v) ? "n/a" : v.ToString("0.000", CultureInfo.InvariantCulture);

    private static string Ci(Summary s) => double.IsNaN(s.Lower) ? "" : $"[{F(s.Lower)}, {F(s.Upper)}]";

    private static string P(double p) => double.IsNaN(p) ? "n/a" : p < 0.001 ? "<0.001" : p.ToString("0.000", CultureInfo.InvariantCulture);

    private static double Finite(double value, double fallback) => double.IsFinite(value) ? value : fallback;
}
