using Studies.Experiments.Model;

namespace Studies.Experiments.Kinds.Cot;

/// <summary>How a cot trial runs.</summary>
internal enum CotProtocol
{
    /// <summary>Answer right after the question (with direct demonstrations when shots &gt; 0).</summary>
    Direct,

    /// <summary>Generate a chain, then answer (zero-shot CoT with the trigger, or few-shot CoT).</summary>
    Chain,

    /// <summary>n sampled chains, majority vote of their answers (Wang et al. 2023).</summary>
    SelfConsistency,

    /// <summary>Answer after a prefix of the model's own chain (Lanham et al. 2023).</summary>
    EarlyAnswering,

    /// <summary>Answer after the chain with one number or word corrupted (Lanham et al. 2023).</summary>
    AddingMistake,

    /// <summary>Answer after " ..." filler of the chain's token length (Lanham et al. 2023).</summary>
    FillerTokens,

    /// <summary>Answer after a rule-based paraphrase of the chain (Lanham et al. 2023).</summary>
    Paraphrase,

    /// <summary>"I think the answer is (X)" with a wrong X (Turpin et al. 2023).</summary>
    SuggestedAnswer,

    /// <summary>Few-shot CoT demonstrations whose answer is always (A) (Turpin et al. 2023).</summary>
    AnswerAlwaysA,
}

/// <summary>A cot condition with its parameters resolved.</summary>
internal sealed record CotCondition
{
    public required ConditionSpec Spec { get; init; }

    public required CotProtocol Protocol { get; init; }

    public required CotPrompts Prompts { get; init; }

    /// <summary>Shot counts (one set of trials each); demonstrations carry worked explanations when the protocol reasons.</summary>
    public required IReadOnlyList<int> Shots { get; init; }

    /// <summary>Token budget of the final answer line.</summary>
    public int AnswerTokens { get; init; } = 16;

    public int Samples { get; init; } = 10;

    public double Temperature { get; init; } = 0.7;

    public IReadOnlyList<double> Fractions { get; init; } = [];

    /// <summary>adding_mistake: let the model continue its chain from the mistake (Lanham et al.) instead of keeping the rest.</summary>
    public bool Regenerate { get; init; } = true;

    /// <summary>suggested_answer: reason before answering (otherwise answer directly).</summary>
    public bool Reason { get; init; } = true;

    /// <summary>suggested_answer: the sentence with {answer}.</summary>
    public string Suggestion { get; init; } = CotPrompts.DefaultSuggestion;

    /// <summary>Whether the protocol generates a chain (and so its demonstrations need explanations).</summary>
    public bool Reasons => Protocol switch
    {
        CotProtocol.Direct => false,
        CotProtocol.SuggestedAnswer => Reason,
        _ => true,
    };
}
