namespace Studies.Analysis.Metrics;

/// <summary>
/// Monte-Carlo predictive entropy of the answer distribution from N sampled answers (nats):
/// H ≈ −(1/N) Σ log p(s_i | x), the estimator used by Kuhn et al. 2023 and Malinin &amp; Gales 2021.
/// </summary>
public static class PredictiveEntropy
{
    /// <summary>−mean of the samples' sequence log-probabilities (sum of token log-probs per sample); NaN for no samples.</summary>
    public static double FromSequenceLogProbs(ReadOnlySpan<double> sequenceLogProbs)
    {
        CheckLogProbs(sequenceLogProbs, nameof(sequenceLogProbs));
        if (sequenceLogProbs.Length == 0) return double.NaN;
        double sum = 0;
        foreach (double lp in sequenceLogProbs) sum += lp;
        return -sum / sequenceLogProbs.Length;
    }

    /// <summary>
    /// Length-normalised variant: −mean over samples of the mean token log-prob (log p(s_i) / length_i),
    /// so long answers are not judged more uncertain just for being long. NaN for no samples.
    /// </summary>
    /// <exception cref="ArgumentException">A token count is below 1, or lengths differ.</exception>
    public static double LengthNormalised(ReadOnlySpan<double> sequenceLogProbs, ReadOnlySpan<int> tokenCounts)
    {
        Guard.SameLength(sequenceLogProbs.Length, tokenCounts.Length, nameof(sequenceLogProbs), nameof(tokenCounts));
        CheckLogProbs(sequenceLogProbs, nameof(sequenceLogProbs));
        if (sequenceLogProbs.Length == 0) return double.NaN;
        double sum = 0;
        for (int i = 0; i < sequenceLogProbs.Length; i++)
        {
            if (tokenCounts[i] < 1)
                throw new ArgumentException($"tokenCounts[{i}] is {tokenCounts[i]}; a sampled answer has at least one token.", nameof(tokenCounts));
            sum += sequenceLogProbs[i] / tokenCounts[i];
        }
        return -sum / sequenceLogProbs.Length;
    }

    internal static void CheckLogProbs(ReadOnlySpan<double> logProbs, string name)
    {
        for (int i = 0; i < logProbs.Length; i++)
            if (!(logProbs[i] <= 0.0))
                throw new ArgumentException($"sequence log-prob [{i}] is {logProbs[i]}; log-probabilities are ≤ 0 (−∞ allowed).", name);
    }
}
