using Studies.Analysis.Statistics;
using Studies.Experiments.Results;

namespace Studies.Analysis.Runs;

/// <summary>Paired comparisons of two sets of trials matched by a key (same item, seed, ...).</summary>
public static class PairedDelta
{
    /// <summary>Fixed, so summaries are reproducible.</summary>
    public const ulong BootstrapSeed = 20261124;

    public static IReadOnlyList<(TrialRecord A, TrialRecord B)> Match(IEnumerable<TrialRecord> a, IEnumerable<TrialRecord> b, Func<TrialRecord, string> key)
    {
        var byKey = new Dictionary<string, TrialRecord>(StringComparer.Ordinal);
        foreach (var r in a)
        {
            byKey.TryAdd(key(r), r);
        }

        var pairs = new List<(TrialRecord, TrialRecord)>();
        foreach (var r in b)
        {
            if (byKey.TryGetValue(key(r), out var other))
            {
                pairs.Add((other, r));
            }
        }

        return pairs;
    }

    /// <summary>Mean of metric(B) - metric(A) over the pairs, with a paired bootstrap 95% CI.</summary>
    public static Summary Of(IReadOnlyList<(TrialRecord A, TrialRecord B)> pairs, Func<TrialRecord, double> metric)
    {
        double[] a = pairs.Select(p => metric(p.A)).ToArray();
        double[] b = pairs.Select(p => metric(p.B)).ToArray();
        return PairedBootstrap.Delta(pairs.Count, items => Mean(a, items), items => Mean(b, items), BootstrapSeed);
    }

    public static double Mean(double[] values, ReadOnlySpan<int> items)
    {
        if (items.Length == 0)
        {
            return double.NaN;
        }

        double sum = 0;
        foreach (int i in items)
        {
            sum += values[i];
        }

        return sum / items.Length;
    }
}
