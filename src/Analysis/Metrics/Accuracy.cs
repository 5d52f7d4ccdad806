namespace Studies.Analysis.Metrics;

/// <summary>Fraction of items answered correctly.</summary>
public static class Accuracy
{
    /// <summary>Fraction of <c>true</c> values; <see cref="double.NaN"/> for no items (an empty study has no accuracy, not 0).</summary>
    public static double Of(ReadOnlySpan<bool> correct)
    {
        if (correct.Length == 0) return double.NaN;
        int hits = 0;
        foreach (bool c in correct)
            if (c) hits++;
        return (double)hits / correct.Length;
    }

    /// <summary>Fraction of items whose prediction equals the gold label (ordinal comparison; normalise first if needed).</summary>
    public static double Of(IReadOnlyList<string> predicted, IReadOnlyList<string> gold)
    {
        Guard.SameCount(predicted, gold, nameof(predicted), nameof(gold));
        if (gold.Count == 0) return double.NaN;
        int hits = 0;
        for (int i = 0; i < gold.Count; i++)
            if (string.Equals(predicted[i], gold[i], StringComparison.Ordinal)) hits++;
        return (double)hits / gold.Count;
    }
}
