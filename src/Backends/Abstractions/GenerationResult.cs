namespace Studies.Backends;

public enum FinishReason
{
    /// <summary>The model produced an end-of-generation token.</summary>
    EndOfText,

    /// <summary>A stop string was produced.</summary>
    Stop,

    /// <summary>MaxTokens was reached.</summary>
    Length,

    /// <summary>The context window is full.</summary>
    ContextFull,
}

/// <summary>Time spent, in milliseconds, with token counts, so throughput can be reported.</summary>
public sealed record GenerationTimings(double PromptMs, double GenerationMs, int PromptTokensEvaluated, int CachedPromptTokens);

public sealed record GenerationResult(
    string Text,
    IReadOnlyList<TokenLogprob> Tokens,
    FinishReason FinishReason,
    int PromptTokens,
    int CompletionTokens,
    GenerationTimings Timings)
{
    /// <summary>Sum of the generated tokens' log-probabilities.</summary>
    public double SumLogprob => Tokens.Sum(t => (double)t.Logprob);
}
