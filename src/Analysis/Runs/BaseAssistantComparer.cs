using Studies.Analysis.Statistics;
using Studies.Experiments.Results;

namespace Studies.Analysis.Runs;

/// <summary>
/// Base versus assistant: the same items under the same condition, paired across the two models. Within a study the
/// i-th base model is paired with the i-th assistant model (a study usually names one pair).
/// </summary>
public static class BaseAssistantComparer
{
    public static IReadOnlyList<PairedComparison> Compare(IReadOnlyList<StudyTrials> studies)
    {
        var rows = new List<PairedComparison>();
        foreach (var study in studies)
        {
            var bases = study.Models.Where(m => m.Role == "base").ToList();
            var assistants = study.Models.Where(m => m.Role == "assistant").ToList();
            for (int i = 0; i < Math.Min(bases.Count, assistants.Count); i++)
            {
                rows.AddRange(ComparePair(study.Study, bases[i], assistants[i]));
            }
        }

        double[] adjusted = HolmBonferroni.Adjust(rows.Select(r => r.McNemarP).ToArray());
        return rows.Select((r, i) => r with { HolmP = adjusted[i] }).ToList();
    }

    private static IEnumerable<PairedComparison> ComparePair(string study, ModelTrials baseModel, ModelTrials assistant)
    {
        var groups = baseModel.Trials.GroupBy(t => (t.Condition, Facets: TrialView.Facets(t))).OrderBy(g => g.Key.Condition, StringComparer.Ordinal).ThenBy(g => g.Key.Facets, StringComparer.Ordinal);
        // Grouped once: scanning every assistant trial per base group is quadratic on large runs.
        var assistantGroups = assistant.Trials.ToLookup(t => (t.Condition, Facets: TrialView.Facets(t)));
        foreach (var group in groups)
        {
            var other = assistantGroups[group.Key];
            var pairs = PairedDelta.Match(group, other, TrialView.ItemKey);
            if (pairs.Count == 0)
            {
                continue;
            }

            bool[] a = pairs.Select(p => TrialView.Correct(p.A)).ToArray();
            bool[] b = pairs.Select(p => TrialView.Correct(p.B)).ToArray();
            var mcnemar = McNemar.ExactTest(a, b);
            yield return new PairedComparison
            {
                Study = study,
                Group = group.Key.Facets.Length == 0 ? group.Key.Condition : $"{group.Key.Condition} ({group.Key.Facets})",
                BaseModel = baseModel.Model,
                AssistantModel = assistant.Model,
                BaseAccuracy = WilsonInterval.Of(a.Count(x => x), a.Length),
                AssistantAccuracy = WilsonInterval.Of(b.Count(x => x), b.Length),
                Delta = PairedDelta.Of(pairs, t => TrialView.Correct(t) ? 1 : 0),
                BaseOnly = mcnemar.OnlyA,
                AssistantOnly = mcnemar.OnlyB,
                McNemarP = mcnemar.PValue,
            };
        }
    }
}
