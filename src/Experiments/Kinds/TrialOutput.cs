using Studies.Backends;

namespace Studies.Experiments.Kinds;

/// <summary>
/// What a trial produced and how it scored. <see cref="Scores"/> holds named numbers for analysis (e.g. "correct",
/// "logprob_gold", "p_true", "entropy", "agreement", "follows_bias"); booleans are 0/1.
/// </summary>
public sealed record TrialOutput
{
    /// <summary>The model's main output text (generation), or the chosen label (scoring).</summary>
    public required string Output { get; init; }

    /// <summary>The extracted answer, or null when extraction failed (counted, never dropped).</summary>
    public string? Prediction { get; init; }

    public string? Gold { get; init; }

    public bool? Correct { get; init; }

    public bool ExtractionFailed { get; init; }

    public IReadOnlyDictionary<string, double> Scores { get; init; } = new Dictionary<string, double>();

    /// <summary>Per-label log-likelihoods, for label-scoring trials (calibration, bias measures).</summary>
    public IReadOnlyDictionary<string, double>? LabelLogprobs { get; init; }

    /// <summary>Token log-probabilities of the main output, when asked for.</summary>
    public IReadOnlyList<TokenLogprob>? Tokens { get; init; }

    /// <summary>Further outputs: samples, the chain of thought, intervention outputs.</summary>
    public IReadOnlyList<string>? Samples { get; init; }

    public int PromptTokens { get; init; }

    public int CompletionTokens { get; init; }

    /// <summary>Tokens the backend evaluated (after prefix reuse).</summary>
    public int EvaluatedTokens { get; init; }
}
