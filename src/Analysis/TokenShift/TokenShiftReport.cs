namespace Studies.Analysis.TokenShift;

/// <summary>
/// The token distribution shift between a base model and its assistant (Lin et al. 2023): for every token of the
/// assistant's answers, the base model's rank of it in the same context.
/// </summary>
/// <param name="BaseModel">Name of the base model.</param>
/// <param name="AssistantModel">Name of the assistant model.</param>
/// <param name="MaxTokens">The assistant's token budget per answer.</param>
/// <param name="Counts">Tokens per category over all answers.</param>
/// <param name="Fractions">Category shares with CIs (bootstrap over prompts); they sum to 1.</param>
/// <param name="PositionBucketWidth">Positions per bucket of <paramref name="ByPosition"/>.</param>
/// <param name="ByPosition">Shift per bucket of answer positions, in order.</param>
/// <param name="TopShiftedTokens">Tokens most often shifted, most first.</param>
/// <param name="Prompts">Per-prompt details, in input order.</param>
public sealed record TokenShiftReport(
    string BaseModel,
    string AssistantModel,
    int MaxTokens,
    ShiftCounts Counts,
    ShiftFractions Fractions,
    int PositionBucketWidth,
    IReadOnlyList<PositionShift> ByPosition,
    IReadOnlyList<ShiftedToken> TopShiftedTokens,
    IReadOnlyList<TokenShiftPromptResult> Prompts);
