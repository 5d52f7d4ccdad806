using Studies.Analysis.Statistics;

namespace Studies.Analysis.Tests.Statistics;

public class McNemarTests
{
    [Theory]
    // b=0, c=5: 2·(½)^5 = 0.0625
    [InlineData(0, 5, 0.0625)]
    // b=2, c=8: 2·(1 + 10 + 45)/1024 = 0.109375
    [InlineData(2, 8, 0.109375)]
    [InlineData(8, 2, 0.109375)]
    // b=1, c=7: 2·(1 + 8)/256 = 0.0703125
    [InlineData(1, 7, 0.0703125)]
    // Balanced or nearly: capped at 1.
    [InlineData(3, 3, 1.0)]
    [InlineData(1, 0, 1.0)]
    // No discordant pairs: no evidence.
    [InlineData(0, 0, 1.0)]
    public void Exact_two_sided_p_values(int b, int c, double p)
    {
        Assert.Equal(p, McNemar.ExactPValue(b, c), 12);
    }

    [Fact]
    public void Large_counts_match_the_binomial_tail()
    {
        // b=10, c=30: 2·Σ_{k≤10} C(40,k)/2^40, summed here independently in decimal.
        decimal tail = 0, coeff = 1;
        for (int k = 0; k <= 10; k++)
        {
            tail += coeff;
            coeff = coeff * (40 - k) / (k + 1);
        }
        double expected = (double)(2 * tail / (decimal)Math.Pow(2, 40));
        Assert.Equal(expected, McNemar.ExactPValue(10, 30), 12);
    }

    [Fact]
    public void Counts_discordant_pairs_from_paired_correctness()
    {
        //              A: T  T  F  F  T  F  F
        //              B: T  F  T  T  F  T  T   → only A: 2, only B: 4
        var r = McNemar.ExactTest([true, true, false, false, true, false, false], [true, false, true, true, false, true, true]);
        Assert.Equal(2, r.OnlyA);
        Assert.Equal(4, r.OnlyB);
        // 2·(1 + 6 + 15)/64 = 0.6875
        Assert.Equal(0.6875, r.PValue, 12);
        Assert.Equal(1.0, McNemar.ExactTest([], []).PValue);
        Assert.Throws<ArgumentException>(() => McNemar.ExactTest([true], []));
    }
}
