using Studies.Analysis.Statistics;

namespace Studies.Analysis.Tests.Statistics;

public class PairedBootstrapTests
{
    private static ItemMetric MeanOf(double[] values) => items =>
    {
        double sum = 0;
        foreach (int i in items) sum += values[i];
        return items.Length == 0 ? double.NaN : sum / items.Length;
    };

    [Fact]
    public void Identical_conditions_give_a_zero_interval()
    {
        double[] a = [1, 0, 1, 1, 0, 1];
        var s = PairedBootstrap.Delta(a.Length, MeanOf(a), MeanOf(a), seed: 5);
        Assert.Equal(new Summary(0, 0, 0, 6), s);
    }

    [Fact]
    public void A_constant_per_item_shift_is_recovered_exactly()
    {
        double[] a = [0.2, 0.9, 0.4, 0.7, 0.1];
        double[] b = a.Select(v => v + 0.1).ToArray();
        var s = PairedBootstrap.Delta(a.Length, MeanOf(a), MeanOf(b), seed: 5);
        Assert.Equal(0.1, s.Estimate, 12);
        Assert.Equal(0.1, s.Lower, 12);
        Assert.Equal(0.1, s.Upper, 12);
    }

    [Fact]
    public void Pairing_removes_item_difficulty()
    {
        // B = A except 6 of 200 items flipped right: delta .03. Items vary a lot in difficulty, so unpaired intervals
        // would be ±.1 wide; the paired one only sees the 6 discordant items.
        var rng = new Random(2);
        double[] a = Enumerable.Range(0, 200).Select(_ => rng.Next(2) == 0 ? 0.0 : 1.0).ToArray();
        double[] b = (double[])a.Clone();
        int flipped = 0;
        for (int i = 0; i < b.Length && flipped < 6; i++)
            if (b[i] == 0) { b[i] = 1; flipped++; }
        var paired = PairedBootstrap.Delta(200, MeanOf(a), MeanOf(b), seed: 8);
        Assert.Equal(0.03, paired.Estimate, 12);
        Assert.True(paired.Contains(0.03));
        Assert.True(paired.Lower > 0, "all discordant items favour B, so no resample can show B worse");
        Assert.True(paired.Upper - paired.Lower < 0.06);
        var aloneA = Bootstrap.Mean(a, seed: 8);
        Assert.True(aloneA.Upper - aloneA.Lower > 0.1);
    }

    [Fact]
    public void Deterministic_for_a_seed()
    {
        double[] a = [1, 0, 1, 0, 0, 1, 1, 0];
        double[] b = [1, 1, 1, 0, 1, 1, 0, 0];
        Assert.Equal(PairedBootstrap.Delta(8, MeanOf(a), MeanOf(b), seed: 77), PairedBootstrap.Delta(8, MeanOf(a), MeanOf(b), seed: 77));
        var empty = PairedBootstrap.Delta(0, MeanOf(a), MeanOf(b), seed: 1);
        Assert.True(double.IsNaN(empty.Lower));
    }
}
