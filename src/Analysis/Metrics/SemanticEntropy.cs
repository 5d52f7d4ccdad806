namespace Studies.Analysis.Metrics;

/// <summary>Entropy over meaning clusters of sampled answers (nats), rather than over their surface strings.</summary>
public static class SemanticEntropy
{
    /// <summary>
    /// Kuhn et al. 2023 / Farquhar et al. 2024 (Rao form): each cluster's probability is the logsumexp of its
    /// members' sequence log-probs, normalised over the clusters present; SE = −Σ_c p_c log p_c.
    /// Pass mean token log-probs instead of sums for the length-normalised variant (as Farquhar et al. do).
    /// NaN for no samples; 0 when all samples share one cluster.
    /// </summary>
    /// <exception cref="ArgumentException">Lengths differ, a log-prob is &gt; 0 or NaN, or every sample has probability 0.</exception>
    public static double FromLogProbs(ReadOnlySpan<int> clusterIds, ReadOnlySpan<double> sequenceLogProbs)
    {
        Guard.SameLength(clusterIds.Length, sequenceLogProbs.Length, nameof(clusterIds), nameof(sequenceLogProbs));
        PredictiveEntropy.CheckLogProbs(sequenceLogProbs, nameof(sequenceLogProbs));
        if (clusterIds.Length == 0) return double.NaN;

        var clusterLogProb = new Dictionary<int, double>();
        for (int i = 0; i < clusterIds.Length; i++)
            clusterLogProb[clusterIds[i]] = clusterLogProb.TryGetValue(clusterIds[i], out double acc)
                ? LogMath.LogAddExp(acc, sequenceLogProbs[i])
                : sequenceLogProbs[i];

        Span<double> logs = clusterLogProb.Count <= 128 ? stackalloc double[clusterLogProb.Count] : new double[clusterLogProb.Count];
        int k = 0;
        foreach (double v in clusterLogProb.Values) logs[k++] = v;
        double total = LogMath.LogSumExp(logs);
        if (double.IsNegativeInfinity(total))
            throw new ArgumentException("Every sample has log-prob −∞; cluster probabilities cannot be normalised.", nameof(sequenceLogProbs));

        double h = 0;
        foreach (double lc in logs)
        {
            double logP = lc - total;
            if (!double.IsNegativeInfinity(logP)) h -= Math.Exp(logP) * logP;
        }
        return h;
    }

    /// <summary>
    /// Discrete semantic entropy (Farquhar et al. 2024): cluster probabilities are sample frequencies, for
    /// when log-probs are unavailable (e.g. remote chat APIs). NaN for no samples.
    /// </summary>
    public static double Discrete(ReadOnlySpan<int> clusterIds)
    {
        if (clusterIds.Length == 0) return double.NaN;
        var counts = new Dictionary<int, int>();
        foreach (int id in clusterIds)
            counts[id] = counts.GetValueOrDefault(id) + 1;
        double n = clusterIds.Length, h = 0;
        foreach (int c in counts.Values)
        {
            double p = c / n;
            h -= p * Math.Log(p);
        }
        return h;
    }
}
