namespace Studies.Analysis.Metrics;

/// <summary>
/// Contextual calibration (Zhao et al. 2021, "Calibrate Before Use"): estimate the prompt's bias from content-free
/// inputs ("N/A", "", "[MASK]") and undo it with W = diag(p_cf)⁻¹, b = 0, i.e. q = normalise(W·p).
/// </summary>
/// <remarks>
/// Vectors hold one entry per label, in the study's label order: probabilities or any non-negative scores proportional
/// to them (e.g. exp of label log-likelihoods); each is normalised over the labels first, as in the paper.
/// Predictions take the arg-max; a tie goes to the lowest label index.
/// </remarks>
public static class ContextualCalibration
{
    /// <summary>p_cf: the mean of the normalised label distributions of the content-free inputs.</summary>
    public static double[] ContentFreeMean(IReadOnlyList<double[]> contentFreeProbs)
    {
        ArgumentNullException.ThrowIfNull(contentFreeProbs);
        if (contentFreeProbs.Count == 0) throw new ArgumentException("At least one content-free input is needed.", nameof(contentFreeProbs));
        int k = contentFreeProbs[0].Length;
        var mean = new double[k];
        foreach (double[] p in contentFreeProbs)
        {
            Guard.SameLength(k, p.Length, "labels of content-free input 0", nameof(contentFreeProbs));
            double total = CheckedSum(p, nameof(contentFreeProbs));
            for (int j = 0; j < k; j++) mean[j] += p[j] / total / contentFreeProbs.Count;
        }
        return mean;
    }

    /// <summary>Writes normalise(diag(p_cf)⁻¹·p) into <paramref name="destination"/>.</summary>
    /// <exception cref="ArgumentException">Lengths differ, an entry is negative or not finite, a vector sums to 0, or an entry of p_cf is 0 (W undefined).</exception>
    public static void Calibrate(ReadOnlySpan<double> probs, ReadOnlySpan<double> contentFreeMean, Span<double> destination)
    {
        Guard.SameLength(contentFreeMean.Length, probs.Length, nameof(contentFreeMean), nameof(probs));
        Guard.SameLength(probs.Length, destination.Length, nameof(probs), nameof(destination));
        CheckedSum(probs, nameof(probs));
        CheckedSum(contentFreeMean, nameof(contentFreeMean));
        double total = 0;
        for (int j = 0; j < probs.Length; j++)
        {
            if (contentFreeMean[j] <= 0)
                throw new ArgumentException($"contentFreeMean[{j}] is 0: the content-free prompt gives that label no mass, so diag(p_cf)⁻¹ is undefined.", nameof(contentFreeMean));
            destination[j] = probs[j] / contentFreeMean[j];
            total += destination[j];
        }
        for (int j = 0; j < destination.Length; j++) destination[j] /= total;
    }

    /// <summary>Calibrated distribution as a new array.</summary>
    public static double[] Calibrate(ReadOnlySpan<double> probs, ReadOnlySpan<double> contentFreeMean)
    {
        var q = new double[probs.Length];
        Calibrate(probs, contentFreeMean, q);
        return q;
    }

    /// <summary>The label index predicted after calibration.</summary>
    public static int Predict(ReadOnlySpan<double> probs, ReadOnlySpan<double> contentFreeMean)
    {
        Span<double> q = probs.Length <= 256 ? stackalloc double[probs.Length] : new double[probs.Length];
        Calibrate(probs, contentFreeMean, q);
        return ArgMax(q);
    }

    /// <summary>Accuracy of the calibrated predictions against gold label indices; NaN for no items.</summary>
    public static double CalibratedAccuracy(IReadOnlyList<double[]> itemProbs, ReadOnlySpan<double> contentFreeMean, ReadOnlySpan<int> gold)
    {
        ArgumentNullException.ThrowIfNull(itemProbs);
        Guard.SameLength(itemProbs.Count, gold.Length, nameof(itemProbs), nameof(gold));
        if (gold.Length == 0) return double.NaN;
        int hits = 0;
        for (int i = 0; i < gold.Length; i++)
            if (Predict(itemProbs[i], contentFreeMean) == gold[i]) hits++;
        return (double)hits / gold.Length;
    }

    internal static int ArgMax(ReadOnlySpan<double> values)
    {
        int best = 0;
        for (int j = 1; j < values.Length; j++)
            if (values[j] > values[best]) best = j;
        return best;
    }

    private static double CheckedSum(ReadOnlySpan<double> p, string name)
    {
        if (p.Length == 0) throw new ArgumentException("A label distribution needs at least one label.", name);
        double total = 0;
        for (int j = 0; j < p.Length; j++)
        {
            if (!(p[j] >= 0) || double.IsPositiveInfinity(p[j]))
                throw new ArgumentException($"{name}[{j}] is {p[j]}; label probabilities must be finite and non-negative.", name);
            total += p[j];
        }
        if (total <= 0) throw new ArgumentException($"'{name}' sums to 0; it cannot be normalised.", name);
        return total;
    }
}
