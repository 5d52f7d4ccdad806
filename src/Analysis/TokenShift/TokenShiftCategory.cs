namespace Studies.Analysis.TokenShift;

/// <summary>How the base model ranks the assistant's token at one position (Lin et al. 2023, URIAL).</summary>
public enum TokenShiftCategory
{
    /// <summary>Rank 1: the base model's own top choice.</summary>
    Unshifted,

    /// <summary>Rank 2–3: among the base model's top three.</summary>
    Marginal,

    /// <summary>Rank above 3: the tuning moved the distribution here.</summary>
    Shifted,
}
