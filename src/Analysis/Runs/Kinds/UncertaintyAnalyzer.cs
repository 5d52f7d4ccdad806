using Studies.Analysis.Metrics;
using Studies.Analysis.Plots;
using Studies.Analysis.Reports;
using Studies.Analysis.Statistics;
using Studies.Experiments.Results;

namespace Studies.Analysis.Runs.Kinds;

/// <summary>
/// Uncertainty and hallucination: each signal judged by AUROC for predicting an error, ECE and Brier for the ones
/// that are probabilities, with reliability diagrams and risk-coverage curves.
/// </summary>
public sealed class UncertaintyAnalyzer : IKindAnalyzer
{
    /// <summary>Signals and their direction: confidences (high = likely right) and uncertainties (high = likely wrong).</summary>
    internal static readonly (string Score, bool IsConfidence, bool IsProbability)[] Signals =
    [
        ("agreement", true, true), ("selfcheck", true, true), ("p_true", true, true), ("verbal_conf", true, true),
        ("pred_entropy", false, false), ("pred_entropy_norm", false, false), ("semantic_entropy", false, false), ("semantic_entropy_weighted", false, false),
    ];

    public string Kind => "uncertainty";

    public IEnumerable<Headline> Headlines(StudyTrials study)
    {
        foreach (var model in study.Models)
        {
            foreach (var (score, isConfidence, isProbability) in Signals)
            {
                var (values, correct) = Extract(model.Trials, score);
                if (values.Length < 2)
                {
                    continue;
                }

                // Error prediction: higher uncertainty (or lower confidence) should mean an error.
                double[] risk = isConfidence ? values.Select(v => -v).ToArray() : values;
                bool[] error = correct.Select(c => !c).ToArray();
                var auroc = Bootstrap.PercentileInterval(values.Length, s => Auroc.Of(Gather(risk, s), Gather(error, s)), PairedDelta.BootstrapSeed);
                yield return new Headline(study.Study, model.Model, $"AUROC {score}", auroc,
                    "How well the signal ranks wrong answers above right ones (0.5 = chance); NaN when all answers are right or all wrong.");
                if (isProbability)
                {
                    var ece = Bootstrap.PercentileInterval(values.Length, s => ExpectedCalibrationError.EqualWidth(Gather(values, s), Gather(correct, s)).Ece, PairedDelta.BootstrapSeed);
                    yield return new Headline(study.Study, model.Model, $"ECE {score}", ece, "Expected calibration error, 10 equal-width bins.");
                    var brier = Bootstrap.PercentileInterval(values.Length, s => BrierScore.Of(Gather(values, s), Gather(correct, s)), PairedDelta.BootstrapSeed);
                    yield return new Headline(study.Study, model.Model, $"Brier {score}", brier, "Mean squared error of the signal as a probability of being right.");
                }
            }
        }
    }

    public IEnumerable<ReportBlock> Figures(StudyTrials study)
    {
        var aurocSeries = new List<IntervalSeries>();
        foreach (var model in study.Models)
        {
            var bars = Headlines(study with { Models = [model] }).Where(h => h.Name.StartsWith("AUROC ", StringComparison.Ordinal) && !double.IsNaN(h.Value.Estimate))
                .Select(h => new LabeledInterval(h.Name["AUROC ".Length..], h.Value.Estimate, Finite(h.Value.Lower, h.Value.Estimate), Finite(h.Value.Upper, h.Value.Estimate))).ToList();
            if (bars.Count > 0)
            {
                aurocSeries.Add(new IntervalSeries(model.Model, bars));
            }
        }

        if (aurocSeries.Count > 0)
        {
            yield return ReportFigure.From(AurocChart.Render(aurocSeries, new FigureOptions { Title = $"{study.Study}: AUROC of each signal for predicting an error" }),
                $"{study.Study}-auroc", $"AUROC of each uncertainty signal for predicting a wrong greedy answer ({study.Study}).",
                "Bar chart of AUROC per uncertainty signal and model with 95% bootstrap intervals and a chance line at 0.5.");
        }

        foreach (string signal in new[] { "p_true", "agreement" })
        {
            var panels = study.Models.Select(m => (m, Extract(m.Trials, signal))).Where(x => x.Item2.Values.Length > 0)
                .Select(x =>
                {
                    var table = ExpectedCalibrationError.EqualWidth(x.Item2.Values, x.Item2.Correct);
                    return new ReliabilityPanel($"{x.m.Model} ({x.m.Role})", table.Bins, table.Ece);
                }).ToList();
            if (panels.Count > 0)
            {
                yield return ReportFigure.From(ReliabilityDiagram.Render(panels, new FigureOptions { Title = $"{study.Study}: reliability of {signal}", Width = 400 * Math.Max(2, panels.Count) }),
                    $"{study.Study}-reliability-{signal}", $"Reliability diagram of {signal} per model ({study.Study}).",
                    $"Reliability diagrams of {signal}: accuracy per confidence bin against the diagonal of perfect calibration, one panel per model.");
            }
        }

        var curves = new List<RiskCoverageSeries>();
        foreach (var model in study.Models)
        {
            foreach (var (score, isConfidence, _) in Signals.Where(s => s.Score is "agreement" or "p_true" or "semantic_entropy"))
            {
                var (values, correct) = Extract(model.Trials, score);
                if (values.Length > 1)
                {
                    double[] confidence = isConfidence ? values : values.Select(v => -v).ToArray();
                    curves.Add(new RiskCoverageSeries($"{model.Model}: {score}", RiskCoverage.Curve(confidence, correct), RiskCoverage.Area(confidence, correct)));
                }
            }
        }

        if (curves.Count > 0)
        {
            yield return ReportFigure.From(RiskCoverageChart.Render(curves, new FigureOptions { Title = $"{study.Study}: risk-coverage" }),
                $"{study.Study}-risk-coverage", $"Risk-coverage curves: error rate among the answers kept when abstaining on the least confident ({study.Study}).",
                "Line chart of risk against coverage for several uncertainty signals and models; lower is better.");
        }
    }

    internal static (double[] Values, bool[] Correct) Extract(IEnumerable<TrialRecord> trials, string score)
    {
        var kept = trials.Select(t => (Value: TrialView.Score(t, score), Correct: TrialView.Correct(t))).Where(x => x.Value is { } v && double.IsFinite(v)).ToList();
        return (kept.Select(x => x.Value!.Value).ToArray(), kept.Select(x => x.Correct).ToArray());
    }

    private static T[] Gather<T>(T[] source, ReadOnlySpan<int> items)
    {
        var result = new T[items.Length];
        Bootstrap.Gather<T>(source, items, result);
        return result;
    }

    private static double Finite(double value, double fallback) => double.IsFinite(value) ? value : fallback;
}
