namespace Studies.Analysis.Metrics;

/// <summary>Brier score for binary outcomes: mean squared difference between predicted probability and outcome (lower is better).</summary>
public static class BrierScore
{
    /// <summary>(1/n) Σ (p_i − y_i)², y_i ∈ {0, 1}; <see cref="double.NaN"/> for no items.</summary>
    public static double Of(ReadOnlySpan<double> probability, ReadOnlySpan<bool> outcome)
    {
        Guard.SameLength(probability.Length, outcome.Length, nameof(probability), nameof(outcome));
        Guard.Probabilities(probability, nameof(probability));
        if (probability.Length == 0) return double.NaN;
        double sum = 0;
        for (int i = 0; i < probability.Length; i++)
        {
            double d = probability[i] - (outcome[i] ? 1.0 : 0.0);
            sum += d * d;
        }
        return sum / probability.Length;
    }
}
