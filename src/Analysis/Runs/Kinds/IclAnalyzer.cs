using System.Globalization;
using Studies.Analysis.Plots;
using Studies.Analysis.Reports;
using Studies.Analysis.Statistics;
using Studies.Experiments.Results;

namespace Studies.Analysis.Runs.Kinds;

/// <summary>
/// In-context learning: accuracy vs shots per label treatment, the gold-minus-random label gap (Min et al. 2022),
/// flipped labels (Wei et al. 2023), contextual-calibration gain and majority / recency label bias (Zhao et al. 2021),
/// and order sensitivity over permutations (Lu et al. 2022).
/// </summary>
public sealed class IclAnalyzer : IKindAnalyzer
{
    public string Kind => "icl";

    public IEnumerable<Headline> Headlines(StudyTrials study)
    {
        foreach (var model in study.Models)
        {
            var byTreatment = model.Trials.Where(t => t.Facets.ContainsKey("shots"))
                .GroupBy(t => (Labels: TrialView.Facet(t, "labels") ?? "gold", Shots: TrialView.Facet(t, "shots")!, Flip: TrialView.Facet(t, "flip")))
                .ToDictionary(g => g.Key, g => g.ToList());
            foreach (var ((labels, shots, flip), trials) in byTreatment)
            {
                if (labels == "gold" || labels == "calibrated" || !byTreatment.TryGetValue(("gold", shots, null), out var gold))
                {
                    continue;
                }

                var pairs = PairedDelta.Match(trials, gold, TrialView.ItemKey);
                if (pairs.Count > 0)
                {
                    string what = flip is null ? labels : $"{labels} p={flip}";
                    yield return new Headline(study.Study, model.Model, $"gold - {what} labels (shots={shots})",
                        PairedDelta.Of(pairs, t => TrialView.Correct(t) ? 1 : 0),
                        "Accuracy with gold demonstration labels minus with manipulated labels, same items and demonstrations (Min et al. 2022; Wei et al. 2023).");
                }
            }

            var calibrated = model.Trials.Where(t => TrialView.Score(t, "calibrated_correct") is not null).ToList();
            if (calibrated.Count > 0)
            {
                double[] gain = calibrated.Select(t => TrialView.Score(t, "calibrated_correct")!.Value - (TrialView.Correct(t) ? 1 : 0)).ToArray();
                yield return new Headline(study.Study, model.Model, "contextual calibration gain", Bootstrap.Mean(gain, PairedDelta.BootstrapSeed),
                    "Accuracy after calibrating label probabilities with content-free inputs minus before (Zhao et al. 2021).");
            }

            foreach (var (facet, score, name) in new[] { ("demo_majority", "predicted_majority", "majority"), ("demo_recency", "predicted_recency", "recency") })
            {
                var withDemos = model.Trials.Where(t => TrialView.Facet(t, facet) is not null && TrialView.Score(t, score) is not null && t.Gold is not null).ToList();
                if (withDemos.Count == 0)
                {
                    continue;
                }

                double[] excess = withDemos.Select(t => TrialView.Score(t, score)!.Value - (string.Equals(t.Gold, TrialView.Facet(t, facet), StringComparison.OrdinalIgnoreCase) ? 1 : 0)).ToArray();
                yield return new Headline(study.Study, model.Model, $"{name}-label bias", Bootstrap.Mean(excess, PairedDelta.BootstrapSeed),
                    $"How much more often the prediction is the demonstrations' {name} label than the gold label is (Zhao et al. 2021).");
            }

            foreach (var group in model.Trials.Where(t => t.Facets.ContainsKey("perm")).GroupBy(t => TrialView.Facet(t, "shots")))
            {
                var accuracies = group.GroupBy(t => TrialView.Facet(t, "perm")).Select(g => g.Average(t => TrialView.Correct(t) ? 1.0 : 0.0)).ToArray();
                if (accuracies.Length > 1)
                {
                    double spread = accuracies.Max() - accuracies.Min();
                    yield return new Headline(study.Study, model.Model, $"order sensitivity (shots={group.Key})", new Summary(spread, accuracies.Min(), accuracies.Max(), accuracies.Length),
                        "Best minus worst accuracy over demonstration orders; the interval shows the worst and best order's accuracy (Lu et al. 2022).");
                }
            }
        }
    }

    public IEnumerable<ReportBlock> Figures(StudyTrials study)
    {
        var series = new List<PlotSeries>();
        foreach (var model in study.Models)
        {
            foreach (var treatment in model.Trials.Where(t => t.Facets.ContainsKey("shots") && !t.Facets.ContainsKey("perm") && TrialView.Facet(t, "calibration") is null)
                .GroupBy(t => TrialView.Facet(t, "labels") ?? "gold").OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var points = treatment.GroupBy(t => int.Parse(TrialView.Facet(t, "shots")!, CultureInfo.InvariantCulture)).OrderBy(g => g.Key)
                    .Select(g =>
                    {
                        var s = WilsonInterval.Of(g.Count(TrialView.Correct), g.Count());
                        return new SeriesPoint(g.Key, s.Estimate, s.Lower, s.Upper);
                    }).ToList();
                if (points.Count > 1)
                {
                    series.Add(new PlotSeries($"{model.Model}: {treatment.Key}", points));
                }
            }
        }

        if (series.Count > 0)
        {
            var image = AccuracyVsShotsChart.Render(series, new FigureOptions
            {
                Title = $"{study.Study}: accuracy vs shots", XLabel = "demonstrations (k)", YLabel = "accuracy (95% Wilson CI)",
            });
            yield return ReportFigure.From(image, $"{study.Study}-accuracy-vs-shots", $"Accuracy vs number of demonstrations per label treatment ({study.Study}).",
                "Line chart of accuracy against the number of demonstrations, one line per model and label treatment, with 95% confidence bands.");
        }
    }
}
