using Studies.Analysis.Statistics;
using Studies.Analysis.Runs.Kinds;
using Studies.Experiments.Results;

namespace Studies.Analysis.Runs;

/// <summary>
/// Turns a run's manifest and trials into its summary: groups, each kind's headlines, base-vs-assistant comparisons
/// and failures. Works on partial runs too (whatever trials.jsonl holds).
/// </summary>
public sealed class RunSummaryBuilder(IEnumerable<IKindAnalyzer> analyzers)
{
    private readonly Dictionary<string, IKindAnalyzer> _analyzers = analyzers.ToDictionary(a => a.Kind, StringComparer.Ordinal);

    public static RunSummaryBuilder Default { get; } = new([new IclAnalyzer(), new CotAnalyzer(), new ExplanationsAnalyzer(), new UncertaintyAnalyzer()]);

    public IKindAnalyzer? AnalyzerFor(string kind) => _analyzers.GetValueOrDefault(kind);

    public RunSummary Build(RunManifest manifest, IReadOnlyList<TrialRecord> trials)
    {
        var studies = Studies(manifest, trials);
        var groups = trials.GroupBy(t => (t.Study, t.Kind, t.Model, t.Role, t.Condition, Facets: TrialView.Facets(t)))
            .OrderBy(g => g.Key.Study, StringComparer.Ordinal).ThenBy(g => g.Key.Model, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Condition, StringComparer.Ordinal).ThenBy(g => g.Key.Facets, FacetComparer.Instance)
            .Select(g =>
            {
                var ok = g.Where(TrialView.IsOk).ToList();
                return new GroupRow
                {
                    Study = g.Key.Study, Kind = g.Key.Kind, Model = g.Key.Model, Role = g.Key.Role, Condition = g.Key.Condition, Facets = g.Key.Facets,
                    N = ok.Count, Failed = g.Count() - ok.Count, ExtractionFailed = ok.Count(t => t.ExtractionFailed),
                    Accuracy = WilsonInterval.Of(ok.Count(TrialView.Correct), ok.Count),
                    MeanScores = ok.SelectMany(t => t.Scores).Where(s => double.IsFinite(s.Value)).GroupBy(s => s.Key)
                        .OrderBy(s => s.Key, StringComparer.Ordinal).ToDictionary(s => s.Key, s => s.Average(x => x.Value)),
                };
            }).ToList();
        var headlines = studies.SelectMany(s => AnalyzerFor(s.Kind)?.Headlines(s) ?? []).ToList();
        return new RunSummary
        {
            ConfigName = manifest.ConfigName,
            ConfigHash = manifest.ConfigHash,
            Models = manifest.Models,
            Trials = trials.Count,
            Failed = trials.Count(t => !TrialView.IsOk(t)),
            ExtractionFailed = trials.Count(t => TrialView.IsOk(t) && t.ExtractionFailed),
            Groups = groups,
            Headlines = headlines,
            BaseVsAssistant = BaseAssistantComparer.Compare(studies),
            Failures = trials.Where(t => !TrialView.IsOk(t)).GroupBy(t => (t.Study, t.Model, ErrorType: t.ErrorType ?? "error"))
                .Select(g => new FailureCount(g.Key.Study, g.Key.Model, g.Key.ErrorType, g.Count(), g.First().Error ?? "")).ToList(),
        };
    }

    /// <summary>Each study's ok trials by model (in manifest order), with condition types from the resolved config.</summary>
    public static IReadOnlyList<StudyTrials> Studies(RunManifest manifest, IReadOnlyList<TrialRecord> trials)
    {
        var configs = manifest.Config.Studies.ToDictionary(s => s.Name, StringComparer.Ordinal);
        return trials.Where(TrialView.IsOk).GroupBy(t => t.Study).OrderBy(g => g.Key, StringComparer.Ordinal).Select(study =>
        {
            var types = configs.TryGetValue(study.Key, out var config)
                ? config.Conditions.ToDictionary(c => c.Name, c => c.Type, StringComparer.Ordinal)
                : new Dictionary<string, string>();
            var order = config?.Models.ToList() ?? [];
            var models = study.GroupBy(t => (t.Model, t.Role))
                .OrderBy(g => order.IndexOf(g.Key.Model) is var i && i >= 0 ? i : int.MaxValue).ThenBy(g => g.Key.Model, StringComparer.Ordinal)
                .Select(g => new ModelTrials(g.Key.Model, g.Key.Role, g.ToList())).ToList();
            return new StudyTrials(study.Key, study.First().Kind, models, types);
        }).ToList();
    }

    /// <summary>Orders "shots=2" before "shots=16" (numbers inside facet strings compare as numbers).</summary>
    private sealed class FacetComparer : IComparer<string>
    {
        public static FacetComparer Instance { get; } = new();

        public int Compare(string? x, string? y) => string.Compare(Pad(x), Pad(y), StringComparison.Ordinal);

        private static string Pad(string? s) => System.Text.RegularExpressions.Regex.Replace(s ?? "", @"\d+", m => m.Value.PadLeft(8, '0'));
    }
}
