using Studies.Experiments.Results;

namespace Studies.Analysis.Diff;

/// <summary>
/// Pairs the trials of two runs. Match key: (study, condition, every facet, item id, seed) plus the model pair of
/// <see cref="ModelPairing"/> — so with the same models on both sides a trial meets the same model's trial, and with
/// other models it meets its counterpart's. The prompt hash is not part of the key (a base and an assistant model
/// render the same item differently). Failed trials on either side are counted and never paired.
/// </summary>
public static class TrialMatcher
{
    public static MatchResult Match(RunResults a, RunResults b)
    {
        var pairings = ModelPairing.Pair(a, b);
        var pairOfA = new Dictionary<(string Study, string Model), ModelPair>();
        var indexOfA = new Dictionary<(string Study, string Model), int>();
        var indexOfB = new Dictionary<(string Study, string Model), int>();
        foreach (var pairing in pairings)
        {
            for (int i = 0; i < pairing.Pairs.Count; i++)
            {
                var pair = pairing.Pairs[i];
                pairOfA[(pair.Study, pair.ModelA)] = pair;
                indexOfA[(pair.Study, pair.ModelA)] = i;
                indexOfB[(pair.Study, pair.ModelB)] = i;
            }
        }

        var byKeyB = new Dictionary<string, TrialRecord>(StringComparer.Ordinal);
        foreach (var t in b.Trials)
        {
            if (KeyOf(t, indexOfB) is { } key)
            {
                byKeyB[key] = t;
            }
        }

        var raw = new List<(ModelPair Pair, TrialRecord A, TrialRecord B)>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var t in a.Trials)
        {
            if (t.Status == TrialStatus.Ok && KeyOf(t, indexOfA) is { } key && byKeyB.TryGetValue(key, out var partner)
                && partner.Status == TrialStatus.Ok && used.Add(key))
            {
                raw.Add((pairOfA[(t.Study, t.Model)], t, partner));
            }
        }

        var pairs = Group(raw, a, b);
        int failedA = a.Trials.Count(t => t.Status == TrialStatus.Failed);
        int failedB = b.Trials.Count(t => t.Status == TrialStatus.Failed);
        var counts = new MatchCounts(a.Trials.Count, b.Trials.Count, failedA, failedB, pairs.Count,
            a.Trials.Count - failedA - pairs.Count, b.Trials.Count - failedB - pairs.Count);
        var studiesA = a.Trials.Select(t => t.Study).Distinct(StringComparer.Ordinal).ToList();
        var studiesB = b.Trials.Select(t => t.Study).Distinct(StringComparer.Ordinal).ToList();
        return new MatchResult(pairings, pairs, counts,
            [.. studiesA.Except(studiesB, StringComparer.Ordinal)], [.. studiesB.Except(studiesA, StringComparer.Ordinal)]);
    }

    /// <summary>Assigns each pair its group: the splitting facets are chosen per (study, condition) from both runs' trials.</summary>
    private static List<TrialPair> Group(List<(ModelPair Pair, TrialRecord A, TrialRecord B)> raw, RunResults a, RunResults b)
    {
        var cells = a.Trials.Select(t => (Side: 0, Trial: t)).Concat(b.Trials.Select(t => (Side: 1, Trial: t)))
            .GroupBy(t => (t.Trial.Study, t.Trial.Condition))
            .ToDictionary(g => g.Key, g => (IReadOnlyList<(int, TrialRecord)>)[.. g]);
        var facets = new Dictionary<(string, string), IReadOnlyList<string>>();
        var pairs = new List<TrialPair>(raw.Count);
        foreach (var (pair, trialA, trialB) in raw)
        {
            var cell = (trialA.Study, trialA.Condition);
            if (!facets.TryGetValue(cell, out var names))
            {
                facets[cell] = names = GroupFacets.Select(cells[cell]);
            }

            var key = new DiffGroupKey(trialA.Study, pair.ModelA, pair.ModelB, trialA.Condition, GroupFacets.Label(trialA, names));
            pairs.Add(new TrialPair(key, trialA, trialB));
        }

        return pairs;
    }

    private static string? KeyOf(TrialRecord t, Dictionary<(string Study, string Model), int> pairIndex) =>
        pairIndex.TryGetValue((t.Study, t.Model), out int index)
            ? string.Join('\u001f', t.Study, index.ToString(System.Globalization.CultureInfo.InvariantCulture), t.Condition,
                string.Join('\u001e', t.Facets.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => f.Key + "=" + f.Value)),
                t.ItemId, t.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture))
            : null;
}
