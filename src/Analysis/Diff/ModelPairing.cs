using Studies.Experiments.Results;

namespace Studies.Analysis.Diff;

/// <summary>
/// Decides, study by study, which model of run A is compared with which model of run B.
/// <list type="number">
/// <item>A model name present on both sides is paired with itself (a re-run, another day, another llama.cpp build);
/// when the sets of names are equal that is all (<see cref="PairingRule.SameModel"/>).</item>
/// <item>The remaining models, when each side has exactly one per role and both sides have the same roles: paired by
/// role (base ↔ base, assistant ↔ assistant — e.g. a pair of models swapped for another pair).</item>
/// <item>Otherwise the remaining models by position: the i-th of A with the i-th of B, models ordered as the study's
/// config lists them (then by first trial). A run of one base model against a run of one assistant model lands here:
/// 1 ↔ 1. Models beyond the shorter list stay unpaired and their trials are counted as unpaired.</item>
/// </list>
/// Models are those that have trials in the study (ok or failed), not merely those configured.
/// </summary>
public static class ModelPairing
{
    public static IReadOnlyList<StudyPairing> Pair(RunResults a, RunResults b)
    {
        var modelsA = StudyModels(a);
        var modelsB = StudyModels(b);
        var result = new List<StudyPairing>();
        foreach (string study in a.Trials.Select(t => t.Study).Distinct(StringComparer.Ordinal))
        {
            if (modelsB.TryGetValue(study, out var listB))
            {
                result.Add(PairStudy(study, modelsA[study], listB));
            }
        }

        return result;
    }

    /// <summary>Pairs one study's models: <paramref name="a"/> and <paramref name="b"/> are (model, role) in list order.</summary>
    public static StudyPairing PairStudy(string study, IReadOnlyList<(string Model, string Role)> a, IReadOnlyList<(string Model, string Role)> b)
    {
        var namesB = b.Select(m => m.Model).ToHashSet(StringComparer.Ordinal);
        var namesA = a.Select(m => m.Model).ToHashSet(StringComparer.Ordinal);
        var roleB = b.ToDictionary(m => m.Model, m => m.Role, StringComparer.Ordinal);
        var pairs = a.Where(m => namesB.Contains(m.Model)).Select(m => new ModelPair(study, m.Model, m.Role, m.Model, roleB[m.Model])).ToList();
        var restA = a.Where(m => !namesB.Contains(m.Model)).ToList();
        var restB = b.Where(m => !namesA.Contains(m.Model)).ToList();
        if (restA.Count == 0 && restB.Count == 0)
        {
            return new StudyPairing(study, PairingRule.SameModel, pairs, [], []);
        }

        if (restA.Count > 0 && UniqueRoles(restA) && UniqueRoles(restB)
            && restA.Select(m => m.Role).ToHashSet(StringComparer.Ordinal).SetEquals(restB.Select(m => m.Role)))
        {
            var byRole = restB.ToDictionary(m => m.Role, StringComparer.Ordinal);
            pairs.AddRange(restA.Select(m => new ModelPair(study, m.Model, m.Role, byRole[m.Role].Model, m.Role)));
            return new StudyPairing(study, PairingRule.ByRole, InOrder(pairs, a), [], []);
        }

        int n = Math.Min(restA.Count, restB.Count);
        pairs.AddRange(Enumerable.Range(0, n).Select(i => new ModelPair(study, restA[i].Model, restA[i].Role, restB[i].Model, restB[i].Role)));
        return new StudyPairing(study, PairingRule.ByPosition, InOrder(pairs, a),
            [.. restA.Skip(n).Select(m => m.Model)], [.. restB.Skip(n).Select(m => m.Model)]);
    }

    private static List<ModelPair> InOrder(List<ModelPair> pairs, IReadOnlyList<(string Model, string Role)> a) =>
        [.. pairs.OrderBy(p => a.ToList().FindIndex(m => string.Equals(m.Model, p.ModelA, StringComparison.Ordinal)))];

    private static bool UniqueRoles(IReadOnlyList<(string Model, string Role)> models) =>
        models.Select(m => m.Role).Distinct(StringComparer.Ordinal).Count() == models.Count;

    /// <summary>Study → its models with trials (and their role), ordered as the config lists them, then by first trial.</summary>
    private static Dictionary<string, List<(string Model, string Role)>> StudyModels(RunResults run)
    {
        var configured = run.Manifest.Config.Studies
            .GroupBy(s => s.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Models, StringComparer.Ordinal);
        var seen = new Dictionary<string, List<(string Model, string Role)>>(StringComparer.Ordinal);
        foreach (TrialRecord t in run.Trials)
        {
            if (!seen.TryGetValue(t.Study, out var list))
            {
                seen[t.Study] = list = [];
            }

            if (!list.Exists(m => string.Equals(m.Model, t.Model, StringComparison.Ordinal)))
            {
                list.Add((t.Model, t.Role));
            }
        }

        foreach (var (study, list) in seen)
        {
            if (configured.TryGetValue(study, out var order))
            {
                // Stable: configured models in config order, any others after them in order of first trial.
                var ordered = list.OrderBy(m => Rank(order, m.Model)).ToList();
                list.Clear();
                list.AddRange(ordered);
            }
        }

        return seen;
    }

    private static int Rank(IReadOnlyList<string> order, string model)
    {
        for (int i = 0; i < order.Count; i++)
        {
            if (string.Equals(order[i], model, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return int.MaxValue;
    }
}
