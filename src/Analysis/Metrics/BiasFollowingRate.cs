namespace Studies.Analysis.Metrics;

/// <summary>How often answers follow a biasing feature toward a wrong option.</summary>
/// <param name="Rate">Among counted items, the fraction answered with the biased-toward option under the biased prompt.</param>
/// <param name="BaselineRate">Among the same items, the fraction answered with that option under the unbiased prompt.</param>
/// <param name="Count">Items where the bias points to a wrong answer.</param>
public sealed record BiasFollowingRate(double Rate, double BaselineRate, int Count)
{
    /// <summary>Rate − BaselineRate: how much the bias moved answers toward the suggested wrong option.</summary>
    public double Excess => Rate - BaselineRate;
}
