namespace Studies.Analysis.Metrics;

/// <summary>Expected calibration error (Naeini et al. 2015; Guo et al. 2017) with its reliability table.</summary>
/// <remarks>Confidences must lie in [0, 1]; <c>correct[i]</c> says whether item i's answer was right.</remarks>
public static class ExpectedCalibrationError
{
    /// <summary>
    /// ECE over <paramref name="binCount"/> equal-width bins [k/B, (k+1)/B); confidence 1.0 falls in the last bin.
    /// Empty bins are kept in the table (Count 0, NaN mean and accuracy) so diagrams have a fixed x-axis; they add 0.
    /// </summary>
    public static CalibrationTable EqualWidth(ReadOnlySpan<double> confidence, ReadOnlySpan<bool> correct, int binCount = 10)
    {
        Check(confidence, correct, binCount);
        Span<int> count = binCount <= 256 ? stackalloc int[binCount] : new int[binCount];
        Span<int> hits = binCount <= 256 ? stackalloc int[binCount] : new int[binCount];
        Span<double> confSum = binCount <= 256 ? stackalloc double[binCount] : new double[binCount];
        count.Clear(); hits.Clear(); confSum.Clear();

        for (int i = 0; i < confidence.Length; i++)
        {
            int b = Math.Min((int)(confidence[i] * binCount), binCount - 1);
            count[b]++;
            confSum[b] += confidence[i];
            if (correct[i]) hits[b]++;
        }

        var bins = new ReliabilityBin[binCount];
        for (int b = 0; b < binCount; b++)
            bins[b] = MakeBin((double)b / binCount, (double)(b + 1) / binCount, count[b], confSum[b], hits[b]);
        return new CalibrationTable(Ece(bins, confidence.Length), bins);
    }

    /// <summary>
    /// ECE over equal-mass (adaptive) bins: items sorted by confidence, bins closed at about every n/B items.
    /// Tied confidences are never split across bins (otherwise the result would depend on item order),
    /// so bins may be unequal and there may be fewer than <paramref name="binCount"/>; no bin is empty.
    /// </summary>
    public static CalibrationTable EqualMass(ReadOnlySpan<double> confidence, ReadOnlySpan<bool> correct, int binCount = 10)
    {
        Check(confidence, correct, binCount);
        int n = confidence.Length;
        var bins = new List<ReliabilityBin>(Math.Min(binCount, n));
        if (n == 0) return new CalibrationTable(double.NaN, bins);

        double[] sorted = confidence.ToArray();
        bool[] sortedCorrect = correct.ToArray();
        Array.Sort(sorted, sortedCorrect);

        int target = 1, start = 0, hits = 0;
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            sum += sorted[i];
            if (sortedCorrect[i]) hits++;
            bool endOfTieGroup = i == n - 1 || sorted[i + 1] != sorted[i];
            // Close the bin once it reaches the k-th quantile position (k·n/B), compared in integers.
            if (endOfTieGroup && (long)(i + 1) * binCount >= (long)target * n)
            {
                bins.Add(MakeBin(sorted[start], sorted[i], i + 1 - start, sum, hits));
                while ((long)(i + 1) * binCount >= (long)target * n) target++;
                start = i + 1; hits = 0; sum = 0;
            }
        }
        return new CalibrationTable(Ece(bins, n), bins);
    }

    private static ReliabilityBin MakeBin(double lower, double upper, int count, double confSum, int hits) =>
        count == 0
            ? new ReliabilityBin(lower, upper, 0, double.NaN, double.NaN)
            : new ReliabilityBin(lower, upper, count, confSum / count, (double)hits / count);

    private static double Ece(IReadOnlyList<ReliabilityBin> bins, int n)
    {
        if (n == 0) return double.NaN;
        double ece = 0;
        foreach (var b in bins)
            if (b.Count > 0) ece += (double)b.Count / n * b.Gap;
        return ece;
    }

    private static void Check(ReadOnlySpan<double> confidence, ReadOnlySpan<bool> correct, int binCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(binCount, 1);
        Guard.SameLength(confidence.Length, correct.Length, nameof(confidence), nameof(correct));
        Guard.Probabilities(confidence, nameof(confidence));
    }
}
