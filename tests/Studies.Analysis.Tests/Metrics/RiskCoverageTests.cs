using Studies.Analysis.Metrics;

namespace Studies.Analysis.Tests.Metrics;

public class RiskCoverageTests
{
    [Fact]
    public void Curve_without_ties()
    {
        // Descending confidence: T, F, T, F → risks 0, 1/2, 1/3, 2/4 at coverage ¼ … 1.
        var c = RiskCoverage.Curve([0.7, 0.9, 0.6, 0.8], [true, true, false, false]);
        Assert.Equal(4, c.Count);
        Assert.Equal(new RiskCoveragePoint(0.9, 1, 0.25, 0.0), c[0]);
        Assert.Equal(new RiskCoveragePoint(0.8, 2, 0.5, 0.5), c[1]);
        Assert.Equal(new RiskCoveragePoint(0.7, 3, 0.75, 1.0 / 3), c[2]);
        Assert.Equal(new RiskCoveragePoint(0.6, 4, 1.0, 0.5), c[3]);
    }

    [Fact]
    public void Area_without_ties_is_mean_selective_risk()
    {
        // (0 + 1/2 + 1/3 + 1/2) / 4 = 1/3
        Assert.Equal(1.0 / 3, RiskCoverage.Area([0.7, 0.9, 0.6, 0.8], [true, true, false, false]), 12);
    }

    [Fact]
    public void Tied_confidences_enter_together()
    {
        var c = RiskCoverage.Curve([0.9, 0.5, 0.9], [true, true, false]);
        Assert.Equal(2, c.Count);
        Assert.Equal(new RiskCoveragePoint(0.9, 2, 2.0 / 3, 0.5), c[0]);
        Assert.Equal(new RiskCoveragePoint(0.5, 3, 1.0, 1.0 / 3), c[1]);
    }

    [Fact]
    public void Area_with_ties_is_the_mean_over_tie_orderings()
    {
        // Order T,F,T: risks 0, ½, ⅓; order F,T,T: 1, ½, ⅓. Mean AURC = ((0+½+⅓) + (1+½+⅓)) / 2 / 3 = 4/9.
        Assert.Equal(4.0 / 9, RiskCoverage.Area([0.9, 0.9, 0.5], [true, false, true]), 12);
        // The same, computed by breaking the tie both ways with distinct confidences.
        double first = RiskCoverage.Area([0.91, 0.9, 0.5], [true, false, true]);
        double second = RiskCoverage.Area([0.9, 0.91, 0.5], [true, false, true]);
        Assert.Equal((first + second) / 2, RiskCoverage.Area([0.9, 0.9, 0.5], [true, false, true]), 12);
    }

    [Fact]
    public void Degenerate_inputs()
    {
        Assert.Equal(0.0, RiskCoverage.Area([0.2, 0.8], [true, true]));
        Assert.Equal(1.0, RiskCoverage.Area([0.2, 0.8], [false, false]));
        // All confidences equal: risk is the error rate at every k.
        Assert.Equal(0.5, RiskCoverage.Area([0.4, 0.4, 0.4, 0.4], [true, false, true, false]), 12);
        Assert.Single(RiskCoverage.Curve([0.4, 0.4], [true, false]));
        Assert.True(double.IsNaN(RiskCoverage.Area([], [])));
        Assert.Empty(RiskCoverage.Curve([], []));
    }
}
