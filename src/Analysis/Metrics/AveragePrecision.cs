namespace Studies.Analysis.Metrics;

/// <summary>Area under the precision–recall curve as average precision: AP = Σ_k (R_k − R_{k−1})·P_k.</summary>
/// <remarks>
/// Thresholds are the distinct scores, highest first; tied scores enter together (one PR point per distinct
/// score), so the result does not depend on item order. Matches scikit-learn's <c>average_precision_score</c>
/// (a step function, no interpolation).
/// </remarks>
public static class AveragePrecision
{
    /// <summary>
    /// Average precision of <paramref name="score"/> for retrieving <paramref name="positive"/> items.
    /// Returns <see cref="double.NaN"/> when there are no positives (recall is undefined), including empty input.
    /// </summary>
    /// <exception cref="ArgumentException">Lengths differ or a score is NaN/infinite.</exception>
    public static double Of(ReadOnlySpan<double> score, ReadOnlySpan<bool> positive)
    {
        Guard.SameLength(score.Length, positive.Length, nameof(score), nameof(positive));
        Guard.Finite(score, nameof(score));
        int n = score.Length, nPos = 0;
        foreach (bool p in positive)
            if (p) nPos++;
        if (nPos == 0) return double.NaN;

        double[] sorted = score.ToArray();
        bool[] sortedPositive = positive.ToArray();
        Array.Sort(sorted, sortedPositive);

        double ap = 0;
        int truePos = 0, taken = 0;
        for (int j = n - 1; j >= 0;)
        {
            int groupPos = 0, i = j;
            while (i >= 0 && sorted[i] == sorted[j])
            {
                if (sortedPositive[i]) groupPos++;
                i--;
            }
            taken += j - i;
            truePos += groupPos;
            // Recall rises by groupPos/nPos at this threshold; weight it by the precision there.
            ap += (double)groupPos / nPos * ((double)truePos / taken);
            j = i;
        }
        return ap;
    }
}
