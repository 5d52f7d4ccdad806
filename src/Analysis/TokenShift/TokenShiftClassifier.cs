namespace Studies.Analysis.TokenShift;

/// <summary>URIAL's thresholds: rank 1 unshifted, 2–3 marginal, above 3 shifted.</summary>
public static class TokenShiftClassifier
{
    public const int MarginalMaxRank = 3;

    public static TokenShiftCategory Classify(int rank) => rank switch
    {
        < 1 => throw new ArgumentOutOfRangeException(nameof(rank), rank, "Ranks start at 1 (the most likely token)."),
        1 => TokenShiftCategory.Unshifted,
        <= MarginalMaxRank => TokenShiftCategory.Marginal,
        _ => TokenShiftCategory.Shifted,
    };
}
