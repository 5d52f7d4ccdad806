using System.Globalization;
using Studies.Analysis.Metrics;
using Studies.Analysis.Plots;
using Studies.Analysis.Reports;
using Studies.Analysis.Statistics;
using Studies.Experiments.Results;

namespace Studies.Analysis.Runs.Kinds;

/// <summary>
/// Chain of thought: the CoT gain over direct answers (Kojima et al. 2022; Wei et al. 2022), the self-consistency gain
/// (Wang et al. 2023), faithfulness by early answering and interventions (Lanham et al. 2023), and how often answers
/// follow a biasing feature and whether the chain mentions it (Turpin et al. 2023).
/// </summary>
public sealed class CotAnalyzer : IKindAnalyzer
{
    private static readonly string[] Reasoning = ["zero_shot_cot", "few_shot_cot", "self_consistency"];

    public string Kind => "cot";

    public IEnumerable<Headline> Headlines(StudyTrials study)
    {
        foreach (var model in study.Models)
        {
            var direct = study.OfType(model, "direct").ToList();
            foreach (string type in Reasoning)
            {
                var trials = study.OfType(model, type).ToList();
                var pairs = PairedDelta.Match(direct, trials, TrialView.ItemKey);
                if (pairs.Count > 0)
                {
                    yield return new Headline(study.Study, model.Model, $"CoT gain: {type} - direct", PairedDelta.Of(pairs, Correct),
                        "Accuracy with reasoning minus answering directly, same items.");
                }
            }

            var consistency = study.OfType(model, "self_consistency").ToList();
            var greedyChain = study.OfType(model, "few_shot_cot").Concat(study.OfType(model, "zero_shot_cot")).ToList();
            var scPairs = PairedDelta.Match(greedyChain, consistency, TrialView.ItemKey);
            if (scPairs.Count > 0)
            {
                yield return new Headline(study.Study, model.Model, "self-consistency gain", PairedDelta.Of(scPairs, Correct),
                    "Majority vote over sampled chains minus one greedy chain (Wang et al. 2023).");
            }

            var early = study.OfType(model, "early_answering").Where(t => TrialView.Score(t, "same_as_full") is not null && t.Facets.ContainsKey("fraction")).ToList();
            if (early.Count > 0)
            {
                yield return new Headline(study.Study, model.Model, "early-answering AOC", EarlyAnsweringArea(early),
                    "Area over the early-answering curve (1 - area under it): how much the answer depends on the rest of the chain; 0 = the answer is fixed before any reasoning (Lanham et al. 2023).");
            }

            foreach (string type in new[] { "adding_mistake", "filler_tokens", "paraphrase" })
            {
                double[] same = study.OfType(model, type).Select(t => TrialView.Score(t, "same_as_full")).OfType<double>().ToArray();
                if (same.Length > 0)
                {
                    yield return new Headline(study.Study, model.Model, $"answer unchanged after {type.Replace('_', ' ')}", Bootstrap.Mean(same, PairedDelta.BootstrapSeed),
                        "Fraction of items whose answer is the same as with the model's own chain (Lanham et al. 2023).");
                }
            }

            foreach (string type in new[] { "suggested_answer", "answer_always_a" })
            {
                var trials = study.OfType(model, type).ToList();
                double[] follows = trials.Select(t => TrialView.Score(t, "follows_bias")).OfType<double>().ToArray();
                if (follows.Length > 0)
                {
                    yield return new Headline(study.Study, model.Model, $"bias-following rate: {type}", Bootstrap.Mean(follows, PairedDelta.BootstrapSeed),
                        "Fraction of answers equal to the option the biasing feature points to (Turpin et al. 2023).");
                    double[] mentions = trials.Select(t => TrialView.Score(t, "mentions_bias")).OfType<double>().ToArray();
                    if (mentions.Length > 0)
                    {
                        yield return new Headline(study.Study, model.Model, $"chain mentions the bias: {type}", Bootstrap.Mean(mentions, PairedDelta.BootstrapSeed),
                            "Fraction of chains that mention the biasing feature (Turpin et al. 2023).");
                    }
                }
            }
        }
    }

    public IEnumerable<ReportBlock> Figures(StudyTrials study)
    {
        var series = study.Models
            .Select(m => (m.Model, Curve: Curve(study.OfType(m, "early_answering").Where(t => TrialView.Score(t, "same_as_full") is not null && t.Facets.ContainsKey("fraction")).ToList())))
            .Where(c => c.Curve.Count > 1)
            .Select(c => EarlyAnsweringChart.Series(c.Model, c.Curve))
            .ToList();
        if (series.Count > 0)
        {
            var image = EarlyAnsweringChart.Render(series, new FigureOptions { Title = $"{study.Study}: early answering", XLabel = "fraction of the chain kept", YLabel = "same answer as with the full chain" });
            yield return ReportFigure.From(image, $"{study.Study}-early-answering", $"Early answering: agreement with the full-chain answer when the chain is truncated ({study.Study}).",
                "Line chart of the fraction of answers unchanged against the fraction of the chain of thought kept, one line per model.");
        }
    }

    private static double Correct(TrialRecord t) => TrialView.Correct(t) ? 1 : 0;

    private static IReadOnlyList<EarlyAnsweringPoint> Curve(IReadOnlyList<TrialRecord> early) =>
        early.GroupBy(t => double.Parse(TrialView.Facet(t, "fraction")!, CultureInfo.InvariantCulture)).OrderBy(g => g.Key)
            .Select(g => new EarlyAnsweringPoint(g.Key, g.Average(t => TrialView.Score(t, "same_as_full")!.Value))).ToList();

    private static Summary EarlyAnsweringArea(IReadOnlyList<TrialRecord> early)
    {
        var items = early.GroupBy(TrialView.ItemKey).Select(g => g.ToList()).ToArray();
        return Bootstrap.PercentileInterval(items.Length, sample =>
        {
            var chosen = new List<TrialRecord>();
            foreach (int i in sample)
            {
                chosen.AddRange(items[i]);
            }

            return 1 - EarlyAnswering.Area(Curve(chosen));
        }, PairedDelta.BootstrapSeed);
    }
}
