using MathNet.Numerics.Distributions;

namespace Studies.Analysis.Statistics;

/// <summary>Wilson score interval for a binomial proportion (Wilson 1927; recommended by Newcombe 1998 and Brown, Cai &amp; DasGupta 2001).</summary>
/// <remarks>Unlike the Wald interval it stays inside [0, 1] and keeps its coverage at small n and at 0 or n successes, which matters for tiny models.</remarks>
public static class WilsonInterval
{
    /// <summary>
    /// Interval for <paramref name="successes"/> out of <paramref name="n"/> at the given two-sided confidence level:
    /// (p̂ + z²/2n ± z·√(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n), z = Φ⁻¹(1 − α/2).
    /// With n = 0 the estimate is NaN and the interval is [0, 1] (no information).
    /// </summary>
    public static Summary Of(int successes, int n, double confidence = 0.95)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successes, n);
        if (!(confidence > 0 && confidence < 1)) throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "Confidence must lie in (0, 1).");
        if (n == 0) return new Summary(double.NaN, 0, 1, 0);

        double z = Normal.InvCDF(0, 1, 1 - (1 - confidence) / 2);
        double p = (double)successes / n, z2 = z * z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denominator;
        double half = z * Math.Sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
        // At 0 or n successes one bound is exactly 0 or 1 in theory; pin it so rounding cannot push it outside.
        double lower = successes == 0 ? 0 : Math.Max(0, centre - half);
        double upper = successes == n ? 1 : Math.Min(1, centre + half);
        return new Summary(p, lower, upper, n);
    }
}
