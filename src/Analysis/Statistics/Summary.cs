namespace Studies.Analysis.Statistics;

/// <summary>A point estimate with its confidence interval, over <paramref name="N"/> items.</summary>
/// <param name="Estimate">The statistic on the observed data.</param>
/// <param name="Lower">Lower confidence bound.</param>
/// <param name="Upper">Upper confidence bound.</param>
/// <param name="N">Items the estimate rests on.</param>
public sealed record Summary(double Estimate, double Lower, double Upper, int N)
{
    /// <summary>Whether <paramref name="value"/> lies inside [Lower, Upper].</summary>
    public bool Contains(double value) => value >= Lower && value <= Upper;
}
