using Studies.Analysis.Statistics;

namespace Studies.Analysis.Tests.Statistics;

public class WilsonIntervalTests
{
    // Newcombe (1998), "Two-sided confidence intervals for the single proportion", Stat. Med. 17:857–872,
    // Table II, method 3 (Wilson score without continuity correction), 95%.
    [Theory]
    [InlineData(81, 263, 0.2553, 0.3662)]
    [InlineData(15, 148, 0.0624, 0.1605)]
    [InlineData(0, 20, 0.0000, 0.1611)]
    [InlineData(1, 29, 0.0061, 0.1718)]
    public void Matches_Newcombe_1998(int x, int n, double lower, double upper)
    {
        var s = WilsonInterval.Of(x, n);
        Assert.Equal((double)x / n, s.Estimate, 15);
        Assert.Equal(lower, s.Lower, 4);
        Assert.Equal(upper, s.Upper, 4);
        Assert.Equal(n, s.N);
    }

    [Fact]
    public void Bounds_stay_in_unit_interval_at_the_extremes()
    {
        var none = WilsonInterval.Of(0, 20);
        Assert.Equal(0.0, none.Lower);
        var all = WilsonInterval.Of(29, 29);
        Assert.Equal(1.0, all.Upper);
        // Mirror of 0/29: lower = 1 − upper(0/29) = 1 − 3.84/(29+3.84) = 29/32.84…
        double z2 = 1.959963984540054 * 1.959963984540054;
        Assert.Equal(29 / (29 + z2), all.Lower, 10);
    }

    [Fact]
    public void Confidence_level_changes_z()
    {
        // 5/10 at 99% (z = 2.5758): centre .5, half-width z·√(.025 + z²/400)/(1 + z²/10) = 0.31577…
        var s = WilsonInterval.Of(5, 10, 0.99);
        Assert.Equal(0.18423, s.Lower, 5);
        Assert.Equal(0.81577, s.Upper, 5);
        Assert.True(WilsonInterval.Of(5, 10, 0.9).Upper < WilsonInterval.Of(5, 10).Upper);
    }

    [Fact]
    public void No_items_means_no_information()
    {
        var s = WilsonInterval.Of(0, 0);
        Assert.True(double.IsNaN(s.Estimate));
        Assert.Equal(0.0, s.Lower);
        Assert.Equal(1.0, s.Upper);
    }

    [Fact]
    public void Invalid_arguments_throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WilsonInterval.Of(3, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => WilsonInterval.Of(-1, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => WilsonInterval.Of(1, 2, 1.0));
    }
}
