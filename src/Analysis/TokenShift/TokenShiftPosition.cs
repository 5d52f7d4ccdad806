namespace Studies.Analysis.TokenShift;

/// <summary>One token of the assistant's answer, as the base model saw it when forced through the answer.</summary>
/// <param name="Position">1-based position in the answer.</param>
/// <param name="TokenId">The assistant's token (the vocabulary is shared).</param>
/// <param name="Token">Its text piece.</param>
/// <param name="BaseRank">The base model's rank of this token at this position (1 = its top choice).</param>
/// <param name="BaseLogprob">The base model's log-probability of the token.</param>
/// <param name="AssistantLogprob">The assistant's log-probability of the token when it generated it.</param>
/// <param name="BaseTopToken">What the base model ranked first here.</param>
public sealed record TokenShiftPosition(
    int Position,
    int TokenId,
    string Token,
    int BaseRank,
    double BaseLogprob,
    double AssistantLogprob,
    string BaseTopToken)
{
    public TokenShiftCategory Category => TokenShiftClassifier.Classify(BaseRank);
}
