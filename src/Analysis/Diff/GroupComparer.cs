using Studies.Analysis.Statistics;

namespace Studies.Analysis.Diff;

/// <summary>
/// Compares each group's paired trials: accuracy of both sides, the paired bootstrap interval of the accuracy delta
/// (items are the resampling unit), McNemar's exact test with Holm's adjustment over groups, changed outputs, and the
/// mean deltas of shared numeric scores. Deterministic for given pairs and options.
/// </summary>
public static class GroupComparer
{
    /// <summary>Per-trial scores that restate the accuracy or are identifiers, not signals (left out of score deltas).</summary>
    private static readonly string[] NotSignals = ["correct"];

    public static IReadOnlyList<GroupComparison> Compare(IReadOnlyList<TrialPair> pairs, DiffOptions options)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentNullException.ThrowIfNull(options);
        var groups = Ordered(pairs).Select(g => CompareGroup(g.Key, [.. g], options)).ToList();
        int[] tested = [.. Enumerable.Range(0, groups.Count).Where(i => groups[i].Scored > 0)];
        double[] adjusted = HolmBonferroni.Adjust([.. tested.Select(i => groups[i].McNemar.PValue)]);
        for (int k = 0; k < tested.Length; k++)
        {
            groups[tested[k]] = groups[tested[k]] with { HolmPValue = adjusted[k] };
        }

        return groups;
    }

    /// <summary>Groups by study, then model pair, then condition, then facets, each in order of first appearance (plan order).</summary>
    private static IEnumerable<IGrouping<DiffGroupKey, TrialPair>> Ordered(IReadOnlyList<TrialPair> pairs)
    {
        var study = Ranks(pairs, k => k.Study);
        var models = Ranks(pairs, k => k.Study + "\u001f" + k.Models);
        var condition = Ranks(pairs, k => k.Study + "\u001f" + k.Condition);
        return pairs.GroupBy(p => p.Group)
            .OrderBy(g => study[g.Key.Study])
            .ThenBy(g => models[g.Key.Study + "\u001f" + g.Key.Models])
            .ThenBy(g => condition[g.Key.Study + "\u001f" + g.Key.Condition]);
    }

    private static Dictionary<string, int> Ranks(IReadOnlyList<TrialPair> pairs, Func<DiffGroupKey, string> part)
    {
        var ranks = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var p in pairs)
        {
            ranks.TryAdd(part(p.Group), ranks.Count);
        }

        return ranks;
    }

    private static GroupComparison CompareGroup(DiffGroupKey key, List<TrialPair> pairs, DiffOptions options)
    {
        var scored = pairs.Where(p => p.A.Correct is not null && p.B.Correct is not null).ToList();
        bool[] correctA = [.. scored.Select(p => p.A.Correct == true)];
        bool[] correctB = [.. scored.Select(p => p.B.Correct == true)];
        ulong seed = StableSeed.Derive(options.Seed, key.Study, key.ModelA, key.ModelB, key.Condition, key.Facets);
        var accuracy = PairedMean(scored, p => p.A.Correct == true ? 1 : 0, p => p.B.Correct == true ? 1 : 0, seed, options);
        return new GroupComparison
        {
            Key = key,
            Pairs = pairs.Count,
            Scored = scored.Count,
            AccuracyA = accuracy.MeanA,
            AccuracyB = accuracy.MeanB,
            Delta = accuracy.Delta,
            McNemar = McNemar.ExactTest(correctA, correctB),
            OutputsChanged = pairs.Count(p => !string.Equals(p.A.Output, p.B.Output, StringComparison.Ordinal)
                || !string.Equals(p.A.Prediction, p.B.Prediction, StringComparison.Ordinal)),
            Scores = ScoreDeltas(pairs, seed, options),
        };
    }

    private static List<ScoreDelta> ScoreDeltas(List<TrialPair> pairs, ulong seed, DiffOptions options)
    {
        var names = pairs.SelectMany(p => p.A.Scores.Keys.Where(p.B.Scores.ContainsKey))
            .Distinct(StringComparer.Ordinal)
            .Where(IsSignal)
            .Order(StringComparer.Ordinal);
        var result = new List<ScoreDelta>();
        foreach (string name in names)
        {
            var both = pairs.Where(p => double.IsFinite(p.A.Scores.GetValueOrDefault(name, double.NaN))
                && double.IsFinite(p.B.Scores.GetValueOrDefault(name, double.NaN))).ToList();
            if (both.Count == 0)
            {
                continue;
            }

            var mean = PairedMean(both, p => p.A.Scores[name], p => p.B.Scores[name], StableSeed.Derive(seed, name), options);
            result.Add(new ScoreDelta(name, both.Count, mean.MeanA, mean.MeanB, mean.Delta));
        }

        return result;
    }

    private static bool IsSignal(string name) =>
        !NotSignals.Contains(name, StringComparer.Ordinal) && !name.EndsWith("_index", StringComparison.Ordinal);

    /// <summary>Means of a value on both sides and the paired bootstrap interval of B − A, resampling items (clusters of pairs).</summary>
    private static (double MeanA, double MeanB, Summary Delta) PairedMean(
        List<TrialPair> pairs, Func<TrialPair, double> valueA, Func<TrialPair, double> valueB, ulong seed, DiffOptions options)
    {
        if (pairs.Count == 0)
        {
            return (double.NaN, double.NaN, new Summary(double.NaN, double.NaN, double.NaN, 0));
        }

        var clusterOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var counts = new List<int>();
        var sumsA = new List<double>();
        var sumsB = new List<double>();
        foreach (var p in pairs)
        {
            if (!clusterOf.TryGetValue(p.A.ItemId, out int c))
            {
                clusterOf[p.A.ItemId] = c = counts.Count;
                counts.Add(0);
                sumsA.Add(0);
                sumsB.Add(0);
            }

            counts[c]++;
            sumsA[c] += valueA(p);
            sumsB[c] += valueB(p);
        }

        int[] n = [.. counts];
        double[] a = [.. sumsA];
        double[] b = [.. sumsB];
        ItemMetric metricA = items => ClusterMean(a, n, items);
        ItemMetric metricB = items => ClusterMean(b, n, items);
        var all = Enumerable.Range(0, n.Length).ToArray();
        var delta = PairedBootstrap.Delta(n.Length, metricA, metricB, seed, options.Resamples, options.Confidence);
        return (metricA(all), metricB(all), delta);
    }

    private static double ClusterMean(double[] sums, int[] counts, ReadOnlySpan<int> items)
    {
        double sum = 0;
        long count = 0;
        foreach (int i in items)
        {
            sum += sums[i];
            count += counts[i];
        }

        return count == 0 ? double.NaN : sum / count;
    }
}
