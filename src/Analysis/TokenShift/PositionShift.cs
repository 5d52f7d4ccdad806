namespace Studies.Analysis.TokenShift;

/// <summary>Shift in one bucket of answer positions, <paramref name="First"/>–<paramref name="Last"/> (1-based, inclusive).</summary>
public sealed record PositionShift(int First, int Last, ShiftCounts Counts, ShiftFractions Fractions)
{
    /// <summary>The bucket's centre, for plotting.</summary>
    public double Middle => (First + Last) / 2.0;
}
