using Studies.Analysis.Statistics;

namespace Studies.Analysis.Tests.Statistics;

public class HolmBonferroniTests
{
    [Fact]
    public void Adjusted_values_come_back_in_input_order()
    {
        // Sorted .005, .01, .03, .04 → ×4, ×3, ×2, ×1 = .02, .03, .06, .04 → running max .02, .03, .06, .06.
        // (R: p.adjust(c(.01,.04,.03,.005), "holm") = 0.03 0.06 0.06 0.02)
        double[] adj = HolmBonferroni.Adjust([0.01, 0.04, 0.03, 0.005]);
        Assert.Equal(new[] { 0.03, 0.06, 0.06, 0.02 }, adj.Select(v => Math.Round(v, 12)));
    }

    [Fact]
    public void Capped_at_one_and_ties_share_a_value()
    {
        Assert.Equal(new[] { 1.0, 1.0 }, HolmBonferroni.Adjust([0.5, 0.6]));
        double[] tied = HolmBonferroni.Adjust([0.02, 0.01, 0.02]);
        // .01×3 = .03; .02×2 = .04; .02×1 → .04.
        Assert.Equal(new[] { 0.04, 0.03, 0.04 }, tied.Select(v => Math.Round(v, 12)));
    }

    [Fact]
    public void Degenerate_inputs()
    {
        Assert.Empty(HolmBonferroni.Adjust([]));
        Assert.Equal(new[] { 0.2 }, HolmBonferroni.Adjust([0.2]));
        Assert.Throws<ArgumentException>(() => HolmBonferroni.Adjust([double.NaN]));
        Assert.Throws<ArgumentException>(() => HolmBonferroni.Adjust([1.5]));
    }
}
