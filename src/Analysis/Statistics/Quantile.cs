namespace Studies.Analysis.Statistics;

/// <summary>Sample quantiles of sorted data.</summary>
internal static class Quantile
{
    /// <summary>Linear interpolation between order statistics (Hyndman &amp; Fan type 7; numpy's and R's default).</summary>
    public static double OfSorted(ReadOnlySpan<double> sorted, double q)
    {
        if (sorted.Length == 0) return double.NaN;
        double h = (sorted.Length - 1) * q;
        int lo = (int)Math.Floor(h);
        if (lo >= sorted.Length - 1) return sorted[^1];
        return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
    }
}
