namespace Studies.Analysis.Metrics;

/// <summary>
/// Majority-label and recency bias of in-context learning (Zhao et al. 2021): does the model favour the label that is
/// most frequent among the demonstrations, or the label of the last demonstration?
/// </summary>
/// <remarks>
/// Per item: the prediction (null when none could be extracted; it never matches), the gold label, and the labels of that
/// item's demonstrations in prompt order. Labels compare ordinally.
/// </remarks>
public static class LabelBias
{
    /// <summary>
    /// Rate of predicting the demonstrations' majority label. Items whose demonstrations have no unique majority
    /// (a balanced prompt, or none) are left out: they have no majority to be biased toward. NaN rates when none remain.
    /// </summary>
    public static LabelBiasRate Majority(IReadOnlyList<string?> predicted, IReadOnlyList<string> gold, IReadOnlyList<IReadOnlyList<string>> demoLabels) =>
        Measure(predicted, gold, demoLabels, MajorityOf);

    /// <summary>Rate of predicting the last demonstration's label. Items with no demonstrations are left out.</summary>
    public static LabelBiasRate Recency(IReadOnlyList<string?> predicted, IReadOnlyList<string> gold, IReadOnlyList<IReadOnlyList<string>> demoLabels) =>
        Measure(predicted, gold, demoLabels, demos => demos.Count == 0 ? null : demos[^1]);

    private static LabelBiasRate Measure(
        IReadOnlyList<string?> predicted, IReadOnlyList<string> gold, IReadOnlyList<IReadOnlyList<string>> demoLabels,
        Func<IReadOnlyList<string>, string?> targetOf)
    {
        Guard.SameCount(predicted, gold, nameof(predicted), nameof(gold));
        Guard.SameCount(gold, demoLabels, nameof(gold), nameof(demoLabels));
        int count = 0, predictedTarget = 0, goldTarget = 0;
        for (int i = 0; i < gold.Count; i++)
        {
            if (targetOf(demoLabels[i]) is not string target) continue;
            count++;
            if (string.Equals(predicted[i], target, StringComparison.Ordinal)) predictedTarget++;
            if (string.Equals(gold[i], target, StringComparison.Ordinal)) goldTarget++;
        }
        return count == 0
            ? new LabelBiasRate(double.NaN, double.NaN, 0)
            : new LabelBiasRate((double)predictedTarget / count, (double)goldTarget / count, count);
    }

    private static string? MajorityOf(IReadOnlyList<string> demos)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (string d in demos) counts[d] = counts.GetValueOrDefault(d) + 1;
        string? best = null;
        int bestCount = 0;
        bool tied = false;
        foreach (var (label, c) in counts)
        {
            if (c > bestCount) { best = label; bestCount = c; tied = false; }
            else if (c == bestCount) tied = true;
        }
        return tied ? null : best;
    }
}
