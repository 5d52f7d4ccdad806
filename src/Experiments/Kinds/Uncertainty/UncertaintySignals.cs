using Studies.Backends;

namespace Studies.Experiments.Kinds.Uncertainty;

/// <summary>
/// Uncertainty measures over n sampled answers, each with its cluster (normalized-exact-match answer class) and
/// sequence log-probability.
/// </summary>
internal static class UncertaintySignals
{
    /// <summary>Share of samples in the largest cluster (self-consistency confidence).</summary>
    public static double Agreement(IReadOnlyList<string> clusters) =>
        clusters.Count == 0 ? 0 : (double)clusters.GroupBy(c => c).Max(g => g.Count()) / clusters.Count;

    /// <summary>Share of samples in the main answer's cluster (SelfCheck-style consistency, Manakul et al. 2023).</summary>
    public static double Consistency(IReadOnlyList<string> clusters, string main) =>
        clusters.Count == 0 ? 0 : (double)clusters.Count(c => c == main) / clusters.Count;

    /// <summary>Monte Carlo predictive entropy: the mean of −log p(sample) (Kuhn et al. 2023).</summary>
    public static double PredictiveEntropy(IReadOnlyList<GenerationResult> samples) =>
        samples.Count == 0 ? 0 : samples.Average(s => -s.SumLogprob);

    /// <summary>Length-normalised predictive entropy: the mean of −log p(sample) / tokens (Malinin and Gales 2021).</summary>
    public static double NormalizedPredictiveEntropy(IReadOnlyList<GenerationResult> samples) =>
        samples.Count == 0 ? 0 : samples.Average(s => s.Tokens.Count == 0 ? 0 : -s.SumLogprob / s.Tokens.Count);

    /// <summary>Discrete semantic entropy: entropy of the cluster frequencies (Farquhar et al. 2024).</summary>
    public static double SemanticEntropy(IReadOnlyList<string> clusters)
    {
        int n = clusters.Count;
        return n == 0 ? 0 : -clusters.GroupBy(c => c).Sum(g => (double)g.Count() / n * Math.Log((double)g.Count() / n));
    }

    /// <summary>
    /// Probability-weighted semantic entropy (Kuhn et al. 2023): cluster probabilities are the summed sequence
    /// probabilities of their samples, renormalized over the clusters seen.
    /// </summary>
    public static double WeightedSemanticEntropy(IReadOnlyList<string> clusters, IReadOnlyList<GenerationResult> samples)
    {
        if (clusters.Count == 0)
        {
            return 0;
        }

        var logMass = clusters.Select((c, i) => (c, l: samples[i].SumLogprob)).GroupBy(x => x.c).Select(g => LogSumExp(g.Select(x => x.l))).ToList();
        double total = LogSumExp(logMass);
        return -logMass.Sum(l => Math.Exp(l - total) * (l - total));
    }

    private static double LogSumExp(IEnumerable<double> values)
    {
        var list = values.ToList();
        double max = list.Max();
        return max + Math.Log(list.Sum(v => Math.Exp(v - max)));
    }
}
