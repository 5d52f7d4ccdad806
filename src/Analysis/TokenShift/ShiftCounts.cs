namespace Studies.Analysis.TokenShift;

/// <summary>Token counts per category.</summary>
public sealed record ShiftCounts(int Unshifted, int Marginal, int Shifted)
{
    public static ShiftCounts Zero { get; } = new(0, 0, 0);

    public int Total => Unshifted + Marginal + Shifted;

    public int this[TokenShiftCategory category] => category switch
    {
        TokenShiftCategory.Unshifted => Unshifted,
        TokenShiftCategory.Marginal => Marginal,
        _ => Shifted,
    };

    /// <summary>Share of the category; NaN when there are no tokens.</summary>
    public double Fraction(TokenShiftCategory category) => Total == 0 ? double.NaN : (double)this[category] / Total;

    public ShiftCounts Add(TokenShiftCategory category) => category switch
    {
        TokenShiftCategory.Unshifted => this with { Unshifted = Unshifted + 1 },
        TokenShiftCategory.Marginal => this with { Marginal = Marginal + 1 },
        _ => this with { Shifted = Shifted + 1 },
    };

    public static ShiftCounts operator +(ShiftCounts a, ShiftCounts b) =>
        new(a.Unshifted + b.Unshifted, a.Marginal + b.Marginal, a.Shifted + b.Shifted);
}
