using Studies.Analysis.Metrics;

namespace Studies.Analysis.Tests.Metrics;

public class BrierScoreTests
{
    [Fact]
    public void Matches_the_scikit_learn_documentation_example()
    {
        // sklearn brier_score_loss docs: y_true [0,1,1,0], y_prob [.1,.9,.8,.3] → (.01+.01+.04+.09)/4 = 0.0375
        Assert.Equal(0.0375, BrierScore.Of([0.1, 0.9, 0.8, 0.3], [false, true, true, false]), 12);
    }

    [Fact]
    public void Extremes()
    {
        Assert.Equal(0.0, BrierScore.Of([1.0, 0.0], [true, false]));
        Assert.Equal(1.0, BrierScore.Of([0.0, 1.0], [true, false]));
        Assert.Equal(0.25, BrierScore.Of([0.5, 0.5], [true, false]));
    }

    [Fact]
    public void Empty_is_NaN_and_invalid_probability_throws()
    {
        Assert.True(double.IsNaN(BrierScore.Of([], [])));
        Assert.Throws<ArgumentException>(() => BrierScore.Of([-0.1], [true]));
    }
}
