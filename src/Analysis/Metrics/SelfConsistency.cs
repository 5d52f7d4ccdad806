namespace Studies.Analysis.Metrics;

/// <summary>Self-consistency over sampled answers (Wang et al. 2023): majority vote and agreement with it.</summary>
/// <remarks>Answers are compared with the given comparer (default equality); normalise strings first, or pass cluster ids.</remarks>
public static class SelfConsistency
{
    /// <summary>
    /// The most frequent answer and its vote count; null for no samples. Ties are broken by first appearance,
    /// which keeps the vote deterministic given the sample order (samples are seeded).
    /// </summary>
    public static MajorityVote<T>? Vote<T>(IReadOnlyList<T> answers, IEqualityComparer<T>? comparer = null) where T : notnull
    {
        ArgumentNullException.ThrowIfNull(answers);
        if (answers.Count == 0) return null;
        var counts = new Dictionary<T, int>(comparer);
        foreach (T a in answers)
            counts[a] = counts.GetValueOrDefault(a) + 1;
        // Second pass in sample order: the first answer with the top count wins a tie.
        int bestVotes = 0, bestIndex = 0;
        for (int i = 0; i < answers.Count; i++)
        {
            int c = counts[answers[i]];
            if (c > bestVotes)
            {
                bestVotes = c;
                bestIndex = i;
            }
        }
        return new MajorityVote<T>(answers[bestIndex], bestVotes, answers.Count);
    }

    /// <summary>Fraction of samples equal to the majority answer; NaN for no samples.</summary>
    public static double Agreement<T>(IReadOnlyList<T> answers, IEqualityComparer<T>? comparer = null) where T : notnull =>
        Vote(answers, comparer)?.Agreement ?? double.NaN;
}
