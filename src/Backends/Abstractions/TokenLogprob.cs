namespace Studies.Backends;

/// <summary>An alternative token at one position, with its log-probability under the model (temperature 1).</summary>
public sealed record TopAlternative(int Id, string Text, float Logprob);

/// <summary>
/// One token with its log-probability under the model's own distribution (log-softmax of the logits, temperature 1,
/// before any sampling filter), its rank in that distribution (1 = most likely) and, when asked, the top alternatives.
/// </summary>
public sealed record TokenLogprob(int Id, string Text, float Logprob, int Rank, IReadOnlyList<TopAlternative>? Top = null);
