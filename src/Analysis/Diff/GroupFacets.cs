using Studies.Experiments.Results;

namespace Studies.Analysis.Diff;

/// <summary>
/// Chooses the facets that split a condition's trials into comparison groups. A facet splits groups when it varies the
/// design within one item — it takes several values for the same (run, model, item, seed), as shots, flip fraction,
/// permutation or truncation fraction do — and is not determined by the other such facets. Facets that describe the
/// item (gold_is_a, bias_answer) or follow from the design (demo_majority follows from item, seed and shots) do not
/// split groups; facets constant across a condition add nothing and are left out of the label.
/// Greedy and deterministic: the most item-specific candidate (the most distinct per-item value sets) is tried for
/// removal first, ties by name.
/// </summary>
public static class GroupFacets
{
    private const string Missing = "\u0000";

    /// <summary>The splitting facet names (ordinal order) for the trials of one study and condition, from both runs (side 0 = A, 1 = B).</summary>
    public static IReadOnlyList<string> Select(IReadOnlyList<(int Side, TrialRecord Trial)> trials)
    {
        ArgumentNullException.ThrowIfNull(trials);
        var keys = trials.SelectMany(t => t.Trial.Facets.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (keys.Count == 0)
        {
            return [];
        }

        // Units (run, model, item, seed) and facet values as small integers: the checks below are then allocation-free.
        var unitIds = new Dictionary<(int, string, string, int), int>();
        int[] unit = new int[trials.Count];
        for (int i = 0; i < trials.Count; i++)
        {
            var (side, t) = trials[i];
            var id = (side, t.Model, t.ItemId, t.Seed);
            if (!unitIds.TryGetValue(id, out unit[i]))
            {
                unitIds[id] = unit[i] = unitIds.Count;
            }
        }

        var values = keys.ToDictionary(k => k, k => Encode(trials, k), StringComparer.Ordinal);
        var candidates = keys.Where(k => Combine(unit, values[k]).Count > unitIds.Count).ToList();
        var kept = new List<string>(candidates);
        foreach (string key in candidates.OrderByDescending(k => DistinctValueSets(unit, unitIds.Count, values[k])).ThenBy(k => k, StringComparer.Ordinal))
        {
            // key is determined when (unit, the other kept facets) already fixes its value.
            int[] context = unit;
            int contexts = unitIds.Count;
            foreach (string other in kept.Where(k => !string.Equals(k, key, StringComparison.Ordinal)))
            {
                (context, contexts) = Combine(context, values[other]);
            }

            if (Combine(context, values[key]).Count == contexts)
            {
                kept.Remove(key);
            }
        }

        kept.Sort(StringComparer.Ordinal);
        return kept;
    }

    /// <summary>"k=v, k2=v2" for the given facet names (in that order); "" when there are none.</summary>
    public static string Label(TrialRecord trial, IReadOnlyList<string> facets) =>
        string.Join(", ", facets.Select(k => $"{k}={(trial.Facets.TryGetValue(k, out string? v) ? v : "—")}"));

    private static int[] Encode(IReadOnlyList<(int Side, TrialRecord Trial)> trials, string key)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        int[] encoded = new int[trials.Count];
        for (int i = 0; i < trials.Count; i++)
        {
            string value = trials[i].Trial.Facets.TryGetValue(key, out string? v) ? v : Missing;
            if (!ids.TryGetValue(value, out encoded[i]))
            {
                ids[value] = encoded[i] = ids.Count;
            }
        }

        return encoded;
    }

    /// <summary>Ids of the distinct (a, b) combinations per trial, and how many there are.</summary>
    private static (int[] Ids, int Count) Combine(int[] a, int[] b)
    {
        var ids = new Dictionary<(int, int), int>();
        int[] combined = new int[a.Length];
        for (int i = 0; i < a.Length; i++)
        {
            if (!ids.TryGetValue((a[i], b[i]), out combined[i]))
            {
                ids[(a[i], b[i])] = combined[i] = ids.Count;
            }
        }

        return (combined, ids.Count);
    }

    /// <summary>How many different sets of values the facet takes per unit: 1 for a design facet of a complete run, many for an item facet.</summary>
    private static int DistinctValueSets(int[] unit, int units, int[] values)
    {
        var sets = new SortedSet<int>[units];
        for (int i = 0; i < unit.Length; i++)
        {
            (sets[unit[i]] ??= []).Add(values[i]);
        }

        return sets.Select(s => string.Join(',', s)).Distinct(StringComparer.Ordinal).Count();
    }
}
