using Studies.Analysis.Metrics;
using Studies.Analysis.Statistics;

namespace Studies.Analysis.Tests.Statistics;

public class BootstrapTests
{
    private static double[] SixtyOfHundred() => Enumerable.Range(0, 100).Select(i => i < 60 ? 1.0 : 0.0).ToArray();

    [Fact]
    public void Same_seed_gives_identical_intervals()
    {
        double[] x = SixtyOfHundred();
        var a = Bootstrap.Mean(x, seed: 12345);
        var b = Bootstrap.Mean(x, seed: 12345);
        Assert.Equal(a, b);
        var c = Bootstrap.Mean(x, seed: 54321);
        Assert.Equal(a.Estimate, c.Estimate);
        Assert.NotEqual((a.Lower, a.Upper), (c.Lower, c.Upper));
    }

    [Fact]
    public void Mean_interval_is_close_to_the_normal_approximation()
    {
        // p̂ = .6, SE = √(.24/100) = .049 → about [.504, .696]; percentiles of 0/1 means fall on multiples of .01.
        var s = Bootstrap.Mean(SixtyOfHundred(), seed: 1);
        Assert.Equal(0.6, s.Estimate, 12);
        Assert.Equal(100, s.N);
        Assert.InRange(s.Lower, 0.48, 0.53);
        Assert.InRange(s.Upper, 0.67, 0.72);
    }

    [Fact]
    public void Constant_data_gives_a_point_interval()
    {
        var s = Bootstrap.Mean([0.3, 0.3, 0.3, 0.3], seed: 9);
        Assert.Equal(0.3, s.Lower, 12);
        Assert.Equal(0.3, s.Upper, 12);
    }

    [Fact]
    public void Metric_sees_n_items_with_replacement_and_the_estimate_uses_all_items_in_order()
    {
        int calls = 0;
        bool sawRepeat = false, firstCallInOrder = false;
        Bootstrap.PercentileInterval(10, items =>
        {
            Assert.Equal(10, items.Length);
            foreach (int i in items) Assert.InRange(i, 0, 9);
            if (calls++ == 0) firstCallInOrder = items.SequenceEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
            else if (items.ToArray().Distinct().Count() < 10) sawRepeat = true;
            return 0;
        }, seed: 3, resamples: 50);
        Assert.Equal(51, calls);
        Assert.True(firstCallInOrder);
        Assert.True(sawRepeat);
    }

    [Fact]
    public void Resamples_where_the_metric_is_undefined_are_skipped()
    {
        // AUROC over 6 items: some resamples contain one class only (NaN) and must not poison the bounds.
        double[] score = [0.1, 0.4, 0.35, 0.8, 0.2, 0.9];
        bool[] positive = [false, false, true, true, false, true];
        var s = Bootstrap.PercentileInterval(score.Length, items =>
        {
            Span<double> sc = stackalloc double[items.Length];
            Span<bool> y = stackalloc bool[items.Length];
            Bootstrap.Gather<double>(score, items, sc);
            Bootstrap.Gather<bool>(positive, items, y);
            return Auroc.Of(sc, y);
        }, seed: 11, resamples: 500);
        // 7 of 9 pairs ordered: .35<.4 and .35>.1,.2; .8 > all; .9 > all → (2 + 3 + 3)/9
        Assert.Equal(8.0 / 9, s.Estimate, 12);
        Assert.False(double.IsNaN(s.Lower));
        Assert.InRange(s.Lower, 0.0, s.Estimate);
        Assert.Equal(1.0, s.Upper);
    }

    [Fact]
    public void Always_undefined_metric_and_empty_input_give_NaN_bounds()
    {
        var s = Bootstrap.PercentileInterval(5, _ => double.NaN, seed: 1, resamples: 20);
        Assert.True(double.IsNaN(s.Lower) && double.IsNaN(s.Upper));
        var e = Bootstrap.Mean([], seed: 1);
        Assert.True(double.IsNaN(e.Estimate) && double.IsNaN(e.Lower) && double.IsNaN(e.Upper));
        Assert.Equal(0, e.N);
    }

    [Fact]
    public void Invalid_arguments_throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Bootstrap.PercentileInterval(-1, _ => 0, seed: 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Bootstrap.PercentileInterval(3, _ => 0, seed: 1, resamples: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Bootstrap.PercentileInterval(3, _ => 0, seed: 1, confidence: 0));
        Assert.Throws<ArgumentException>(() => Bootstrap.Gather<int>([1, 2], [0, 1], new int[1]));
    }

    [Fact]
    public void Quantile_is_type_7()
    {
        // numpy.percentile([1,2,3,4], 25) = 1.75; 100th = 4; 0th = 1
        Assert.Equal(1.75, Quantile.OfSorted([1.0, 2.0, 3.0, 4.0], 0.25), 12);
        Assert.Equal(4.0, Quantile.OfSorted([1.0, 2.0, 3.0, 4.0], 1.0));
        Assert.Equal(1.0, Quantile.OfSorted([1.0, 2.0, 3.0, 4.0], 0.0));
        Assert.True(double.IsNaN(Quantile.OfSorted([], 0.5)));
    }
}
