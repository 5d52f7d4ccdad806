using Studies.Backends;

namespace Studies.Analysis.TokenShift;

/// <summary>One prompt: the exact text both models saw, the assistant's answer and each answer token's base rank.</summary>
/// <param name="Index">Index of the prompt in the input list.</param>
/// <param name="Context">The rendered prompt (the assistant's chat template applied), given to the base model as raw text.</param>
/// <param name="Answer">The assistant's answer text (without the stop sequence).</param>
/// <param name="FinishReason">Why the assistant stopped.</param>
public sealed record TokenShiftPromptResult(
    int Index,
    string Context,
    string Answer,
    FinishReason FinishReason,
    IReadOnlyList<TokenShiftPosition> Tokens)
{
    public ShiftCounts Counts => Tokens.Aggregate(ShiftCounts.Zero, (c, t) => c.Add(t.Category));
}
