namespace Studies.Analysis.Statistics;

/// <summary>Holm's step-down correction for multiple comparisons (Holm 1979): controls the family-wise error rate, uniformly more powerful than Bonferroni.</summary>
public static class HolmBonferroni
{
    /// <summary>
    /// Adjusted p-values in the order given: with p₍₁₎ ≤ … ≤ p₍ₘ₎, p̃₍ᵢ₎ = max_{j ≤ i} min(1, (m − j + 1)·p₍ⱼ₎)
    /// (as R's <c>p.adjust(method = "holm")</c>). Reject H₍ᵢ₎ at level α when p̃₍ᵢ₎ ≤ α.
    /// </summary>
    /// <exception cref="ArgumentException">A p-value is NaN or outside [0, 1].</exception>
    public static double[] Adjust(ReadOnlySpan<double> pValues)
    {
        int m = pValues.Length;
        for (int i = 0; i < m; i++)
            if (!(pValues[i] >= 0 && pValues[i] <= 1))
                throw new ArgumentException($"pValues[{i}] is {pValues[i]}; p-values lie in [0, 1].", nameof(pValues));

        double[] sorted = pValues.ToArray();
        int[] order = Bootstrap.Identity(m);
        Array.Sort(sorted, order);
        var adjusted = new double[m];
        double running = 0;
        for (int rank = 0; rank < m; rank++)
        {
            // The running maximum keeps adjusted values monotone in the raw ones, as the step-down procedure requires.
            running = Math.Max(running, Math.Min(1.0, (m - rank) * sorted[rank]));
            adjusted[order[rank]] = running;
        }
        return adjusted;
    }
}
