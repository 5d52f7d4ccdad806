namespace Studies.Analysis.Metrics;

/// <summary>Area under the ROC curve in the Mann–Whitney form: P(score of a positive > score of a negative), ties counting ½.</summary>
/// <remarks>
/// To judge an uncertainty signal as a predictor of error, pass the uncertainty as the score and "is an error" as positive.
/// Computed from mid-ranks in O(n log n): AUROC = (R₊ − n₊(n₊+1)/2) / (n₊·n₋), where R₊ is the positives' rank sum.
/// </remarks>
public static class Auroc
{
    /// <summary>
    /// AUROC of <paramref name="score"/> for separating <paramref name="positive"/> items from the rest.
    /// Returns <see cref="double.NaN"/> when there are no positives or no negatives (including empty input):
    /// the pairwise probability is undefined without both classes, and a study with a degenerate
    /// split (e.g. a model that got every item right) should report "undefined", not fail.
    /// </summary>
    /// <exception cref="ArgumentException">Lengths differ or a score is NaN/infinite.</exception>
    public static double Of(ReadOnlySpan<double> score, ReadOnlySpan<bool> positive)
    {
        Guard.SameLength(score.Length, positive.Length, nameof(score), nameof(positive));
        Guard.Finite(score, nameof(score));
        int n = score.Length, nPos = 0;
        foreach (bool p in positive)
            if (p) nPos++;
        int nNeg = n - nPos;
        if (nPos == 0 || nNeg == 0) return double.NaN;

        double[] sorted = score.ToArray();
        bool[] sortedPositive = positive.ToArray();
        Array.Sort(sorted, sortedPositive);

        double positiveRankSum = 0;
        for (int i = 0; i < n;)
        {
            int j = i, posInGroup = 0;
            while (j < n && sorted[j] == sorted[i])
            {
                if (sortedPositive[j]) posInGroup++;
                j++;
            }
            // Tied scores share the mean of ranks i+1..j, which is what makes a tie count ½.
            double midRank = (i + 1 + j) / 2.0;
            positiveRankSum += posInGroup * midRank;
            i = j;
        }
        return (positiveRankSum - nPos * (nPos + 1.0) / 2.0) / ((double)nPos * nNeg);
    }
}
