using Studies.Analysis.Statistics;

namespace Studies.Analysis.Tests.Statistics;

public class Xoshiro256StarStarTests
{
    [Fact]
    public void Matches_the_reference_implementation()
    {
        // Outputs of Vigna's xoshiro256starstar.c from state {1, 2, 3, 4}.
        var rng = new Xoshiro256StarStar(1, 2, 3, 4);
        Assert.Equal(11520UL, rng.NextUInt64());
        Assert.Equal(0UL, rng.NextUInt64());
        Assert.Equal(1509978240UL, rng.NextUInt64());
        Assert.Equal(1215971899390074240UL, rng.NextUInt64());
    }

    [Fact]
    public void SplitMix64_matches_the_reference()
    {
        ulong state = 0;
        Assert.Equal(0xE220A8397B1DCDAFUL, Xoshiro256StarStar.SplitMix64(ref state));
        Assert.Equal(0x6E789E6AA1B965F4UL, Xoshiro256StarStar.SplitMix64(ref state));
        Assert.Equal(0x06C45D188009454FUL, Xoshiro256StarStar.SplitMix64(ref state));
    }

    [Fact]
    public void Bounded_draws_are_in_range_and_roughly_uniform()
    {
        var rng = new Xoshiro256StarStar(42);
        var counts = new int[3];
        for (int i = 0; i < 30_000; i++) counts[rng.NextInt(3)]++;
        // Binomial sd ≈ √(30000·⅓·⅔) ≈ 82; 5 sd of slack.
        Assert.All(counts, c => Assert.InRange(c, 10_000 - 410, 10_000 + 410));
        Assert.Equal(0, new Xoshiro256StarStar(1).NextInt(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Xoshiro256StarStar(1).NextInt(0));
    }
}
