using Studies.Analysis.Plots;
using Studies.Analysis.Reports;
using Studies.Experiments.Results;

namespace Studies.Analysis.Runs.Kinds;

/// <summary>
/// Explanations in few-shot prompts: the gain of explanations over none, before vs after the answer (Ye and Durrett
/// 2022), and over the matched controls of Lampinen et al. 2022 (scrambled, irrelevant, length-matched filler).
/// </summary>
public sealed class ExplanationsAnalyzer : IKindAnalyzer
{
    private static readonly string[] Controls = ["scrambled_explanation", "irrelevant_explanation", "filler_explanation"];

    public string Kind => "explanations";

    public IEnumerable<Headline> Headlines(StudyTrials study)
    {
        foreach (var model in study.Models)
        {
            var none = study.OfType(model, "no_explanation").ToList();
            foreach (string type in new[] { "explain_after", "explain_before" })
            {
                var explained = study.OfType(model, type).ToList();
                var pairs = PairedDelta.Match(none, explained, TrialView.ItemKey);
                if (pairs.Count > 0)
                {
                    yield return new Headline(study.Study, model.Model, $"{type} - no_explanation", PairedDelta.Of(pairs, Correct),
                        "Accuracy with explanations in the demonstrations minus without, same items and demonstrations.");
                }

                string position = type == "explain_after" ? "after" : "before";
                foreach (string control in Controls)
                {
                    var matched = study.OfType(model, control).Where(t => (TrialView.Facet(t, "position") ?? "after") == position).ToList();
                    var controlPairs = PairedDelta.Match(matched, explained, TrialView.ItemKey);
                    if (controlPairs.Count > 0)
                    {
                        yield return new Headline(study.Study, model.Model, $"{type} - {control}", PairedDelta.Of(controlPairs, Correct),
                            "Gain of true explanations over a matched control (Lampinen et al. 2022).");
                    }
                }
            }
        }
    }

    public IEnumerable<ReportBlock> Figures(StudyTrials study)
    {
        var rows = Headlines(study).Select(h => new LabeledInterval($"{h.Model}: {h.Name}", h.Value.Estimate, h.Value.Lower, h.Value.Upper)).ToList();
        if (rows.Count > 0)
        {
            var image = ForestPlot.Render(rows, new FigureOptions { Title = $"{study.Study}: explanation effects", XLabel = "accuracy difference (95% paired bootstrap CI)", Height = Math.Max(300, 60 + 36 * rows.Count) });
            yield return ReportFigure.From(image, $"{study.Study}-explanation-effects", $"Explanation effects and controls ({study.Study}).",
                "Forest plot of accuracy differences between explanation conditions and their controls, with 95% confidence intervals.");
        }
    }

    private static double Correct(TrialRecord t) => TrialView.Correct(t) ? 1 : 0;
}
