namespace Studies.Analysis.Metrics;

/// <summary>The outcome of a majority vote over sampled answers.</summary>
/// <param name="Answer">The most frequent answer (ties: the one that appeared first).</param>
/// <param name="Votes">Samples equal to <paramref name="Answer"/>.</param>
/// <param name="Total">All samples.</param>
public sealed record MajorityVote<T>(T Answer, int Votes, int Total)
{
    /// <summary>Votes / Total: the self-consistency agreement of the samples.</summary>
    public double Agreement => (double)Votes / Total;
}
