namespace Studies.Backends;

public sealed record CandidateScore(string Candidate, double SumLogprob, IReadOnlyList<TokenLogprob> Tokens)
{
    public double MeanLogprob => Tokens.Count == 0 ? 0 : SumLogprob / Tokens.Count;
}

/// <param name="EvaluatedTokens">Tokens the backend actually ran through the model for this request (prefix reuse and
/// shared-prefix scoring make this far smaller than naive re-evaluation).</param>
public sealed record ScoringResult(
    IReadOnlyList<CandidateScore> Candidates,
    int PrefixTokens,
    int EvaluatedTokens,
    double ElapsedMs);
