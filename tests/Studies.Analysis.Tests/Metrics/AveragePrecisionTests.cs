using Studies.Analysis.Metrics;

namespace Studies.Analysis.Tests.Metrics;

public class AveragePrecisionTests
{
    [Fact]
    public void Matches_the_scikit_learn_documentation_example()
    {
        // sklearn average_precision_score docs: y [0,0,1,1], scores [.1,.4,.35,.8] → 0.8333…
        // Descending: .8 (P: precision 1, recall ½), .4 (N), .35 (P: precision 2/3, recall 1) → ½·1 + ½·2/3.
        Assert.Equal(0.5 + 1.0 / 3, AveragePrecision.Of([0.1, 0.4, 0.35, 0.8], [false, false, true, true]), 12);
    }

    [Fact]
    public void Tied_scores_form_one_threshold()
    {
        // All tied: one PR point at precision 1/4, recall 1 → AP = prevalence.
        Assert.Equal(0.25, AveragePrecision.Of([0.5, 0.5, 0.5, 0.5], [true, false, false, false]), 12);
        // .9 (N): no recall; {.6 P, .6 N}: precision 1/3, recall ½; .2 (P): precision 2/4, recall 1.
        // AP = ½·⅓ + ½·½ = 0.41666…
        Assert.Equal(1.0 / 6 + 0.25, AveragePrecision.Of([0.9, 0.6, 0.6, 0.2], [false, true, false, true]), 12);
    }

    [Fact]
    public void Result_does_not_depend_on_order_within_ties()
    {
        double a = AveragePrecision.Of([0.6, 0.6, 0.9, 0.2], [true, false, false, true]);
        double b = AveragePrecision.Of([0.6, 0.6, 0.2, 0.9], [false, true, true, false]);
        Assert.Equal(a, b, 15);
    }

    [Fact]
    public void Degenerate_inputs()
    {
        Assert.True(double.IsNaN(AveragePrecision.Of([0.1, 0.9], [false, false])));
        Assert.True(double.IsNaN(AveragePrecision.Of([], [])));
        Assert.Equal(1.0, AveragePrecision.Of([0.1, 0.9], [true, true]));
    }
}
