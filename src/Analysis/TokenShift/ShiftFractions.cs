using Studies.Analysis.Statistics;

namespace Studies.Analysis.TokenShift;

/// <summary>
/// Category shares with 95% CIs. Tokens of one answer are not independent, so the intervals come from a bootstrap
/// over prompts (each resample keeps an answer's tokens together); <see cref="Summary.N"/> is the number of prompts.
/// The three estimates sum to 1.
/// </summary>
public sealed record ShiftFractions(Summary Unshifted, Summary Marginal, Summary Shifted, int Tokens)
{
    public Summary this[TokenShiftCategory category] => category switch
    {
        TokenShiftCategory.Unshifted => Unshifted,
        TokenShiftCategory.Marginal => Marginal,
        _ => Shifted,
    };
}
