namespace Studies.Analysis.Metrics;

/// <summary>Groups sampled answers into clusters for semantic entropy and self-consistency.</summary>
public static class AnswerClusters
{
    /// <summary>
    /// Cluster ids by exact match after <see cref="AnswerNormalization.Normalize"/>: ids are 0, 1, 2, … in order of
    /// first appearance, so the result is deterministic. (Entailment-based clustering needs a model and lives elsewhere.)
    /// </summary>
    public static int[] ByExactMatch(IReadOnlyList<string> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var ids = new int[answers.Count];
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < answers.Count; i++)
        {
            string key = AnswerNormalization.Normalize(answers[i]);
            if (!seen.TryGetValue(key, out int id))
            {
                id = seen.Count;
                seen.Add(key, id);
            }
            ids[i] = id;
        }
        return ids;
    }
}
