namespace Studies.Analysis.Statistics;

/// <summary>Seeded percentile bootstrap over items (Efron &amp; Tibshirani 1993): resample items with replacement, recompute the metric.</summary>
/// <remarks>
/// Deterministic: the same n, metric, seed, resample count and confidence give the same interval on every machine
/// (xoshiro256** seeded by SplitMix64, one integer draw per resampled item, resamples drawn in order). Resamples on which
/// the metric is NaN are skipped; if all are, the bounds are NaN.
/// </remarks>
public static class Bootstrap
{
    /// <summary>Resamples used when none is given: enough for stable 95% percentile bounds.</summary>
    public const int DefaultResamples = 2000;

    /// <summary>
    /// Estimate = <paramref name="metric"/> on all n items in order; bounds = the α/2 and 1 − α/2 quantiles
    /// (type 7) of the metric over <paramref name="resamples"/> resamples of n items drawn with replacement.
    /// </summary>
    public static Summary PercentileInterval(int n, ItemMetric metric, ulong seed, int resamples = DefaultResamples, double confidence = 0.95)
    {
        Check(n, resamples, confidence);
        ArgumentNullException.ThrowIfNull(metric);
        int[] items = Identity(n);
        double estimate = metric(items);
        if (n == 0) return new Summary(estimate, double.NaN, double.NaN, 0);

        var rng = new Xoshiro256StarStar(seed);
        var stats = new double[resamples];
        int valid = 0;
        for (int r = 0; r < resamples; r++)
        {
            Draw(ref rng, items);
            double v = metric(items);
            if (!double.IsNaN(v)) stats[valid++] = v;
        }
        return Interval(estimate, stats.AsSpan(0, valid), confidence, n);
    }

    /// <summary>Percentile bootstrap interval for the mean of <paramref name="values"/> (e.g. 0/1 correctness).</summary>
    public static Summary Mean(ReadOnlySpan<double> values, ulong seed, int resamples = DefaultResamples, double confidence = 0.95)
    {
        double[] copy = values.ToArray();
        return PercentileInterval(copy.Length, items =>
        {
            if (items.Length == 0) return double.NaN;
            double sum = 0;
            foreach (int i in items) sum += copy[i];
            return sum / items.Length;
        }, seed, resamples, confidence);
    }

    /// <summary>Copies <paramref name="source"/>[items[k]] into <paramref name="destination"/>[k]: builds a metric's inputs for a resample.</summary>
    public static void Gather<T>(ReadOnlySpan<T> source, ReadOnlySpan<int> items, Span<T> destination)
    {
        if (destination.Length < items.Length)
            throw new ArgumentException($"destination holds {destination.Length} but {items.Length} items were given.", nameof(destination));
        for (int k = 0; k < items.Length; k++) destination[k] = source[items[k]];
    }

    internal static int[] Identity(int n)
    {
        var items = new int[n];
        for (int i = 0; i < n; i++) items[i] = i;
        return items;
    }

    internal static void Draw(ref Xoshiro256StarStar rng, Span<int> items)
    {
        for (int k = 0; k < items.Length; k++) items[k] = rng.NextInt(items.Length);
    }

    internal static Summary Interval(double estimate, Span<double> stats, double confidence, int n)
    {
        stats.Sort();
        double alpha = 1 - confidence;
        return new Summary(estimate, Quantile.OfSorted(stats, alpha / 2), Quantile.OfSorted(stats, 1 - alpha / 2), n);
    }

    internal static void Check(int n, int resamples, double confidence)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfLessThan(resamples, 1);
        if (!(confidence > 0 && confidence < 1)) throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "Confidence must lie in (0, 1).");
    }
}
