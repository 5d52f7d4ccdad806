using Studies.Analysis.Metrics;

namespace Studies.Analysis.Tests.Metrics;

public class ExpectedCalibrationErrorTests
{
    [Fact]
    public void Equal_width_worked_example()
    {
        // 10 bins. 0.95 → bin 9 (acc 1, gap .05); 0.85, 0.85 → bin 8 (acc .5, gap .35); 0.15 → bin 1 (acc 0, gap .15).
        // ECE = (1·.05 + 2·.35 + 1·.15) / 4 = 0.225
        var t = ExpectedCalibrationError.EqualWidth([0.95, 0.85, 0.85, 0.15], [true, true, false, false]);
        Assert.Equal(0.225, t.Ece, 12);
        Assert.Equal(10, t.Bins.Count);
        Assert.Equal(2, t.Bins[8].Count);
        Assert.Equal(0.85, t.Bins[8].MeanConfidence, 12);
        Assert.Equal(0.5, t.Bins[8].Accuracy);
        Assert.Equal(0.8, t.Bins[8].Lower, 12);
        Assert.Equal(0.9, t.Bins[8].Upper, 12);
        Assert.Equal(0.35, t.MaxGap, 12);
    }

    [Fact]
    public void Empty_bins_are_kept_with_NaN_and_add_nothing()
    {
        var t = ExpectedCalibrationError.EqualWidth([0.95, 0.85, 0.85, 0.15], [true, true, false, false]);
        foreach (int b in new[] { 0, 2, 3, 4, 5, 6, 7 })
        {
            Assert.Equal(0, t.Bins[b].Count);
            Assert.True(double.IsNaN(t.Bins[b].MeanConfidence));
            Assert.True(double.IsNaN(t.Bins[b].Accuracy));
        }
    }

    [Fact]
    public void Bin_edges_are_left_closed_and_one_falls_in_the_last_bin()
    {
        // Two bins [0, .5) and [.5, 1]: 0 and .25 → bin 0; .5 and 1 → bin 1.
        var t = ExpectedCalibrationError.EqualWidth([0.0, 0.25, 0.5, 1.0], [false, false, true, true], binCount: 2);
        Assert.Equal(2, t.Bins[0].Count);
        Assert.Equal(2, t.Bins[1].Count);
        // bin 0: conf .125, acc 0 → gap .125; bin 1: conf .75, acc 1 → gap .25. ECE = (.125 + .25) / 2.
        Assert.Equal(0.1875, t.Ece, 12);
    }

    [Fact]
    public void Perfectly_calibrated_confidence_has_zero_error()
    {
        // 75% confident, 3 of 4 right.
        var t = ExpectedCalibrationError.EqualWidth([0.75, 0.75, 0.75, 0.75], [true, true, true, false]);
        Assert.Equal(0.0, t.Ece, 12);
    }

    [Fact]
    public void Equal_mass_worked_example()
    {
        // 2 bins of 4: {.1,.2,.3,.4} conf .25, acc 1/4 → gap 0; {.6,.7,.8,.9} conf .75, acc 1 → gap .25. ECE = .5·.25.
        var t = ExpectedCalibrationError.EqualMass(
            [0.9, 0.1, 0.6, 0.2, 0.7, 0.3, 0.8, 0.4],
            [true, false, true, false, true, true, true, false],
            binCount: 2);
        Assert.Equal(0.125, t.Ece, 12);
        Assert.Equal(2, t.Bins.Count);
        Assert.Equal(0.1, t.Bins[0].Lower);
        Assert.Equal(0.4, t.Bins[0].Upper);
        Assert.Equal(0.6, t.Bins[1].Lower);
        Assert.Equal(0.9, t.Bins[1].Upper);
        Assert.Equal(0.25, t.Bins[0].Accuracy);
        Assert.Equal(1.0, t.Bins[1].Accuracy);
    }

    [Fact]
    public void Equal_mass_never_splits_ties_and_is_order_independent()
    {
        // Target 3 per bin, but the three .5s stay together: bins {.2,.5,.5,.5} and {.9,.9}.
        // bin 1: conf (.2+1.5)/4 = .425, acc 2/4 → gap .075; bin 2: conf .9, acc 1 → gap .1.
        // ECE = 4/6·.075 + 2/6·.1 = 0.05 + 0.0333…
        double[] conf = [0.2, 0.5, 0.5, 0.5, 0.9, 0.9];
        bool[] ok = [false, true, true, false, true, true];
        var t = ExpectedCalibrationError.EqualMass(conf, ok, binCount: 2);
        Assert.Equal(0.05 + 0.1 / 3, t.Ece, 12);
        Assert.Equal(new[] { 4, 2 }, t.Bins.Select(b => b.Count));

        var reversed = ExpectedCalibrationError.EqualMass(conf.Reverse().ToArray(), ok.Reverse().ToArray(), binCount: 2);
        Assert.Equal(t.Ece, reversed.Ece, 12);
        // All equal: a single bin.
        Assert.Single(ExpectedCalibrationError.EqualMass([0.7, 0.7, 0.7], [true, false, true], binCount: 3).Bins);
    }

    [Fact]
    public void Equal_mass_uses_at_most_n_bins_and_splits_like_array_split()
    {
        var few = ExpectedCalibrationError.EqualMass([0.1, 0.2, 0.3], [true, true, true], binCount: 10);
        Assert.Equal(new[] { 1, 1, 1 }, few.Bins.Select(b => b.Count));
        // 10 distinct values into 3 bins: 4, 3, 3.
        double[] conf = Enumerable.Range(0, 10).Select(i => i / 10.0).ToArray();
        var t = ExpectedCalibrationError.EqualMass(conf, new bool[10], binCount: 3);
        Assert.Equal(new[] { 4, 3, 3 }, t.Bins.Select(b => b.Count));
    }

    [Fact]
    public void Empty_input_has_NaN_error()
    {
        var w = ExpectedCalibrationError.EqualWidth([], []);
        Assert.True(double.IsNaN(w.Ece));
        Assert.All(w.Bins, b => Assert.Equal(0, b.Count));
        Assert.True(double.IsNaN(w.MaxGap));
        var m = ExpectedCalibrationError.EqualMass([], []);
        Assert.True(double.IsNaN(m.Ece));
        Assert.Empty(m.Bins);
    }

    [Fact]
    public void Invalid_input_throws()
    {
        Assert.Throws<ArgumentException>(() => ExpectedCalibrationError.EqualWidth([1.2], [true]));
        Assert.Throws<ArgumentException>(() => ExpectedCalibrationError.EqualMass([double.NaN], [true]));
        Assert.Throws<ArgumentException>(() => ExpectedCalibrationError.EqualWidth([0.5, 0.5], [true]));
        Assert.Throws<ArgumentOutOfRangeException>(() => ExpectedCalibrationError.EqualWidth([0.5], [true], binCount: 0));
    }
}
