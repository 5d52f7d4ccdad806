using Studies.Experiments.Results;

namespace Studies.Analysis.Runs;

/// <summary>Read helpers over trial records: correctness, scores, facets and pairing keys.</summary>
public static class TrialView
{
    /// <summary>Facets that vary with the demonstrations drawn, not with the condition: they never split groups.</summary>
    private static bool IsGroupingFacet(string key) => !key.StartsWith("demo_", StringComparison.Ordinal);

    public static bool IsOk(TrialRecord r) => r.Status == TrialStatus.Ok;

    /// <summary>The primary outcome: the trial's correctness (uncertainty: the greedy answer's).</summary>
    public static bool Correct(TrialRecord r) =>
        r.Correct ?? (Score(r, "correct") ?? Score(r, "greedy_correct") ?? 0) > 0.5;

    public static double? Score(TrialRecord r, string key) =>
        r.Scores.TryGetValue(key, out double v) && !double.IsNaN(v) ? v : null;

    public static string Facets(TrialRecord r, params string[] except) =>
        string.Join(", ", r.Facets.Where(f => IsGroupingFacet(f.Key) && !except.Contains(f.Key)).OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}={f.Value}"));

    public static string? Facet(TrialRecord r, string key) => r.Facets.GetValueOrDefault(key);

    /// <summary>What makes two trials "the same item" across conditions or models.</summary>
    public static string ItemKey(TrialRecord r) => $"{r.ItemId}\u0001{r.Seed}";

    /// <summary>The same item under the same condition and facets (for pairing across models).</summary>
    public static string ConditionItemKey(TrialRecord r) => $"{r.Condition}\u0001{Facets(r)}\u0001{ItemKey(r)}";
}
