using Studies.Analysis.Metrics;
using Studies.Analysis.Plots;
using Studies.Analysis.Statistics;

namespace Studies.Analysis.Tests.Plots;

/// <summary>Realistic small inputs for every chart (shared by the plot tests and the report tests).</summary>
internal static class SampleFigures
{
    public static readonly int[] Shots = [0, 1, 2, 4, 8, 16, 32];

    public static IReadOnlyList<PlotSeries> AccuracySeries()
    {
        PlotSeries Line(string name, Func<int, double> acc) =>
            new(name, Shots.Select(k => SeriesPoint.From(k, WilsonInterval.Of((int)Math.Round(acc(k) * 200), 200))).ToArray());
        return
        [
            Line("Gold labels", k => 0.5 + 0.35 * (1 - Math.Exp(-k / 6.0))),
            Line("Random labels", k => 0.5 + 0.28 * (1 - Math.Exp(-k / 6.0))),
            Line("Flipped 100%", k => 0.5 - 0.2 * (1 - Math.Exp(-k / 8.0))),
            Line("Unrelated (foo/bar)", k => 0.5 + 0.1 * (1 - Math.Exp(-k / 10.0))),
        ];
    }

    public static IReadOnlyList<ReliabilityPanel> ReliabilityPanels()
    {
        var rng = new Xoshiro256StarStar(7);
        ReliabilityPanel Panel(string name, Func<double, double> truth)
        {
            int n = 400;
            var conf = new double[n];
            var correct = new bool[n];
            for (int i = 0; i < n; i++)
            {
                conf[i] = 0.3 + 0.7 * (rng.NextInt(1000) / 1000.0);
                correct[i] = rng.NextInt(1000) / 1000.0 < truth(conf[i]);
            }

            return ReliabilityPanel.From(name, ExpectedCalibrationError.EqualWidth(conf, correct, 10));
        }

        return [Panel("Base", c => c * 0.95), Panel("Assistant", c => Math.Max(0, c - 0.25))];
    }

    public static IReadOnlyList<RiskCoverageSeries> RiskCoverageCurves()
    {
        var rng = new Xoshiro256StarStar(11);
        int n = 300;
        var correct = new bool[n];
        for (int i = 0; i < n; i++) correct[i] = rng.NextInt(100) < 55;
        RiskCoverageSeries Signal(string name, double strength)
        {
            var score = new double[n];
            for (int i = 0; i < n; i++) score[i] = (correct[i] ? strength : 0) + rng.NextInt(1000) / 1000.0;
            return new RiskCoverageSeries(name, RiskCoverage.Curve(score, correct), RiskCoverage.Area(score, correct));
        }

        return [Signal("Semantic entropy", 0.8), Signal("Predictive entropy", 0.5), Signal("P(True)", 0.25), Signal("Verbalized", 0.05)];
    }

    public static IReadOnlyList<IntervalSeries> AurocSeries() =>
    [
        new("Base", [new("Semantic entropy", 0.71, 0.64, 0.78), new("Predictive entropy", 0.66, 0.58, 0.73), new("P(True)", 0.55, 0.47, 0.63), new("Verbalized", 0.51, 0.43, 0.59)]),
        new("Assistant", [new("Semantic entropy", 0.68, 0.61, 0.75), new("Predictive entropy", 0.6, 0.52, 0.68), new("P(True)", 0.62, 0.55, 0.7), new("Verbalized", 0.57, 0.5, 0.64)]),
    ];

    public static IReadOnlyList<LabeledInterval> ForestRows() =>
    [
        new("ICL · gold labels, k=8", 0.06, 0.01, 0.11),
        new("ICL · random labels, k=8", 0.02, -0.04, 0.08),
        new("CoT · zero-shot", -0.05, -0.12, 0.02),
        new("CoT · few-shot", 0.11, 0.04, 0.18),
        new("Explanations · after answer", 0.01, -0.03, 0.05),
        new("Uncertainty · greedy accuracy", -0.09, -0.15, -0.03),
    ];

    private static readonly double[] s_fractions = [0.0, 0.2, 0.4, 0.6, 0.8, 1.0];

    public static IReadOnlyList<PlotSeries> EarlyAnsweringSeries() =>
    [
        new("GSM8K", s_fractions.Select(f => SeriesPoint.From(f, WilsonInterval.Of((int)Math.Round((0.3 + 0.7 * f * f) * 120), 120))).ToArray()),
        new("Sentiment", s_fractions.Select(f => SeriesPoint.From(f, WilsonInterval.Of((int)Math.Round((0.85 + 0.15 * f) * 120), 120))).ToArray()),
    ];

    public static IReadOnlyList<IntervalSeries> ShiftDistribution() =>
    [
        new("stories260K → -chat", [new(TokenShiftCharts.Unshifted, 0.62, 0.58, 0.66), new(TokenShiftCharts.Marginal, 0.21, 0.18, 0.24), new(TokenShiftCharts.Shifted, 0.17, 0.14, 0.2)]),
        new("TinyStories-656K → -chat", [new(TokenShiftCharts.Unshifted, 0.7, 0.66, 0.74), new(TokenShiftCharts.Marginal, 0.18, 0.15, 0.21), new(TokenShiftCharts.Shifted, 0.12, 0.1, 0.15)]),
    ];

    public static IReadOnlyList<PlotSeries> ShiftByPosition()
    {
        int[] starts = [0, 4, 8, 12, 16, 20, 24, 28];
        return
        [
            new(TokenShiftCharts.Unshifted, starts.Select((s, i) => new SeriesPoint(s + 1.5, 0.45 + 0.04 * i, 0.4 + 0.04 * i, 0.5 + 0.04 * i)).ToArray()),
            new(TokenShiftCharts.Marginal, starts.Select((s, i) => new SeriesPoint(s + 1.5, 0.25 - 0.01 * i, 0.21 - 0.01 * i, 0.29 - 0.01 * i)).ToArray()),
            new(TokenShiftCharts.Shifted, starts.Select((s, i) => new SeriesPoint(s + 1.5, 0.3 - 0.03 * i, 0.26 - 0.03 * i, 0.34 - 0.03 * i)).ToArray()),
        ];
    }

    /// <summary>Every chart with its file name.</summary>
    public static IReadOnlyList<(string Name, Func<FigureOptions?, PlotImage> Render)> All() =>
    [
        ("accuracy-vs-shots", o => AccuracyVsShotsChart.Render(AccuracySeries(), o, chance: 0.5)),
        ("reliability", o => ReliabilityDiagram.Render(ReliabilityPanels(), o)),
        ("risk-coverage", o => RiskCoverageChart.Render(RiskCoverageCurves(), o)),
        ("auroc", o => AurocChart.Render(AurocSeries(), o)),
        ("token-shift-distribution", o => TokenShiftCharts.Distribution(ShiftDistribution(), o)),
        ("token-shift-by-position", o => TokenShiftCharts.ByPosition(ShiftByPosition(), o)),
        ("forest", o => ForestPlot.Render(ForestRows(), o)),
        ("early-answering", o => EarlyAnsweringChart.Render(EarlyAnsweringSeries(), o)),
    ];
}
