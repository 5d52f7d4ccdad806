namespace Studies.Analysis.TokenShift;

/// <summary>A token the base model often did not expect where the assistant used it.</summary>
/// <param name="ShiftedCount">Occurrences ranked above 3 by the base model.</param>
/// <param name="Occurrences">All occurrences in the assistant's answers.</param>
/// <param name="MedianBaseRank">Median base rank over all occurrences.</param>
/// <param name="BasePreferred">What the base model most often ranked first where this token was shifted.</param>
public sealed record ShiftedToken(int TokenId, string Token, int ShiftedCount, int Occurrences, double MedianBaseRank, string BasePreferred)
{
    public double ShiftedFraction => Occurrences == 0 ? 0 : (double)ShiftedCount / Occurrences;
}
