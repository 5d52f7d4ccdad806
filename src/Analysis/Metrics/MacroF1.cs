namespace Studies.Analysis.Metrics;

/// <summary>Unweighted mean of per-class F1 over label strings (ordinal comparison).</summary>
/// <remarks>
/// Classes are the union of the gold labels, the predicted labels and any <c>labels</c> passed in.
/// A class with no gold support and no predictions has F1 = 0/0; it is <b>excluded</b> from the mean
/// (it carries no evidence either way, and counting it as 0 would punish a model for a class the
/// study never asked about). A class that is predicted but never gold, or gold but never predicted,
/// has F1 = 0 and is included (as scikit-learn's <c>zero_division=0</c>).
/// </remarks>
public static class MacroF1
{
    /// <summary>Macro-F1; <see cref="double.NaN"/> when no class has support or predictions (e.g. empty input).</summary>
    public static double Of(IReadOnlyList<string> predicted, IReadOnlyList<string> gold, IEnumerable<string>? labels = null)
    {
        Guard.SameCount(predicted, gold, nameof(predicted), nameof(gold));
        var counts = new Dictionary<string, (int Tp, int Pred, int Gold)>(StringComparer.Ordinal);
        if (labels is not null)
            foreach (string l in labels) counts.TryAdd(l, default);

        for (int i = 0; i < gold.Count; i++)
        {
            string p = predicted[i], g = gold[i];
            var pc = counts.GetValueOrDefault(p);
            counts[p] = pc with { Pred = pc.Pred + 1, Tp = pc.Tp + (string.Equals(p, g, StringComparison.Ordinal) ? 1 : 0) };
            var gc = counts.GetValueOrDefault(g);
            counts[g] = gc with { Gold = gc.Gold + 1 };
        }

        double sum = 0;
        int classes = 0;
        foreach (var (tp, pred, support) in counts.Values)
        {
            if (pred == 0 && support == 0) continue;
            // F1 = 2TP / (2TP + FP + FN) = 2TP / (pred + support): avoids the 0/0 of precision or recall.
            sum += 2.0 * tp / (pred + support);
            classes++;
        }
        return classes == 0 ? double.NaN : sum / classes;
    }
}
