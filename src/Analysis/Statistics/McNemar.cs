using MathNet.Numerics.Distributions;

namespace Studies.Analysis.Statistics;

/// <summary>
/// McNemar's exact test: do two conditions scored on the same items differ in accuracy? Only discordant items carry
/// evidence; under H0 each is equally likely to favour either side, so b ~ Binomial(b + c, ½).
/// </summary>
public static class McNemar
{
    /// <summary>Two-sided p = min(1, 2·P(X ≤ min(b, c))), X ~ Binomial(b + c, ½); 1 when there are no discordant pairs.</summary>
    public static double ExactPValue(int onlyA, int onlyB)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(onlyA);
        ArgumentOutOfRangeException.ThrowIfNegative(onlyB);
        int n = onlyA + onlyB;
        if (n == 0) return 1.0;
        return Math.Min(1.0, 2.0 * Binomial.CDF(0.5, n, Math.Min(onlyA, onlyB)));
    }

    /// <summary>Counts the discordant pairs of per-item correctness under A and B and tests them.</summary>
    public static McNemarResult ExactTest(ReadOnlySpan<bool> correctA, ReadOnlySpan<bool> correctB)
    {
        if (correctA.Length != correctB.Length)
            throw new ArgumentException($"'correctA' has {correctA.Length} items but 'correctB' has {correctB.Length}; they must be the same items.", nameof(correctB));
        int onlyA = 0, onlyB = 0;
        for (int i = 0; i < correctA.Length; i++)
        {
            if (correctA[i] && !correctB[i]) onlyA++;
            else if (!correctA[i] && correctB[i]) onlyB++;
        }
        return new McNemarResult(onlyA, onlyB, ExactPValue(onlyA, onlyB));
    }
}
