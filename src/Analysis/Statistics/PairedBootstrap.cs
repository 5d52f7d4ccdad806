namespace Studies.Analysis.Statistics;

/// <summary>
/// Paired percentile bootstrap for the difference of a metric between two conditions (or models) scored on the same items:
/// each resample draws one set of items and evaluates both conditions on it, so item difficulty cancels out of the delta.
/// </summary>
public static class PairedBootstrap
{
    /// <summary>
    /// Estimate = metricB − metricA on all n items; bounds = percentile interval of that delta over resamples
    /// (same determinism and NaN rules as <see cref="Bootstrap.PercentileInterval"/>). Positive means B is higher.
    /// </summary>
    public static Summary Delta(int n, ItemMetric metricA, ItemMetric metricB, ulong seed, int resamples = Bootstrap.DefaultResamples, double confidence = 0.95)
    {
        Bootstrap.Check(n, resamples, confidence);
        ArgumentNullException.ThrowIfNull(metricA);
        ArgumentNullException.ThrowIfNull(metricB);
        int[] items = Bootstrap.Identity(n);
        double estimate = metricB(items) - metricA(items);
        if (n == 0) return new Summary(estimate, double.NaN, double.NaN, 0);

        var rng = new Xoshiro256StarStar(seed);
        var stats = new double[resamples];
        int valid = 0;
        for (int r = 0; r < resamples; r++)
        {
            Bootstrap.Draw(ref rng, items);
            double v = metricB(items) - metricA(items);
            if (!double.IsNaN(v)) stats[valid++] = v;
        }
        return Bootstrap.Interval(estimate, stats.AsSpan(0, valid), confidence, n);
    }
}
