namespace Studies.Analysis.Metrics;

/// <summary>Risk–coverage curve of selective prediction and its area, AURC (Geifman &amp; El-Yaniv 2017; lower is better).</summary>
public static class RiskCoverage
{
    /// <summary>
    /// Curve points in order of decreasing threshold (increasing coverage). Items are sorted by confidence,
    /// highest first; items with tied confidence are admitted together (a threshold cannot separate them),
    /// so there is one point per distinct confidence. Empty for empty input.
    /// </summary>
    public static IReadOnlyList<RiskCoveragePoint> Curve(ReadOnlySpan<double> confidence, ReadOnlySpan<bool> correct)
    {
        var (sorted, sortedCorrect) = SortDescending(confidence, correct);
        int n = sorted.Length;
        var points = new List<RiskCoveragePoint>();
        int covered = 0, errors = 0;
        for (int i = 0; i < n;)
        {
            int j = i;
            for (; j < n && sorted[j] == sorted[i]; j++)
                if (!sortedCorrect[j]) errors++;
            covered = j;
            points.Add(new RiskCoveragePoint(sorted[i], covered, (double)covered / n, (double)errors / covered));
            i = j;
        }
        return points;
    }

    /// <summary>
    /// AURC = (1/n) Σ_{k=1..n} risk of the k most confident items. Within a group of tied confidences the order is
    /// arbitrary, so risk at each k inside the group is its expectation over orderings (errors admitted
    /// pro rata); without ties this is the usual AURC. <see cref="double.NaN"/> for empty input.
    /// </summary>
    public static double Area(ReadOnlySpan<double> confidence, ReadOnlySpan<bool> correct)
    {
        var (sorted, sortedCorrect) = SortDescending(confidence, correct);
        int n = sorted.Length;
        if (n == 0) return double.NaN;
        double sum = 0;
        int errorsBefore = 0;
        for (int i = 0; i < n;)
        {
            int j = i, groupErrors = 0;
            for (; j < n && sorted[j] == sorted[i]; j++)
                if (!sortedCorrect[j]) groupErrors++;
            double errorsPerItem = (double)groupErrors / (j - i);
            // Expected errors among the first k items is linear in k inside the group, hence the expected risk too.
            for (int k = i + 1; k <= j; k++)
                sum += (errorsBefore + (k - i) * errorsPerItem) / k;
            errorsBefore += groupErrors;
            i = j;
        }
        return sum / n;
    }

    private static (double[] Sorted, bool[] Correct) SortDescending(ReadOnlySpan<double> confidence, ReadOnlySpan<bool> correct)
    {
        Guard.SameLength(confidence.Length, correct.Length, nameof(confidence), nameof(correct));
        Guard.Finite(confidence, nameof(confidence));
        double[] keys = new double[confidence.Length];
        for (int i = 0; i < keys.Length; i++) keys[i] = -confidence[i];
        bool[] items = correct.ToArray();
        Array.Sort(keys, items);
        for (int i = 0; i < keys.Length; i++) keys[i] = -keys[i];
        return (keys, items);
    }
}
