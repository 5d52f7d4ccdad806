using Studies.Experiments.Kinds.Prompting;
using Studies.Experiments.Model;

namespace Studies.Experiments.Kinds.Explanations;

/// <summary>What stands in a demonstration's explanation slot.</summary>
internal enum ExplanationContent
{
    /// <summary>No explanation slot at all.</summary>
    None,

    /// <summary>The demonstration's own (human) explanation.</summary>
    True,

    /// <summary>The explanation's words shuffled by seed (Lampinen et al. 2022).</summary>
    Scrambled,

    /// <summary>A true explanation of another demonstration (Lampinen et al. 2022's true-but-irrelevant control).</summary>
    Irrelevant,

    /// <summary>"..." per word of the explanation (Lampinen et al. 2022's length-matched filler).</summary>
    Filler,
}

/// <summary>Where the explanation goes: after the answer (predict-then-explain) or before it (explain-then-predict).</summary>
internal enum ExplanationPosition
{
    After,
    Before,
}

/// <summary>An explanations condition with its parameters resolved.</summary>
internal sealed record ExplanationCondition
{
    public required ConditionSpec Spec { get; init; }

    public required QuestionFormat Format { get; init; }

    public required IReadOnlyList<int> Shots { get; init; }

    public required ExplanationContent Content { get; init; }

    public ExplanationPosition Position { get; init; } = ExplanationPosition.After;

    public int AnswerTokens { get; init; } = 16;
}
