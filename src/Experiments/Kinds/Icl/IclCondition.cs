using Studies.Experiments.Kinds.Prompting;
using Studies.Experiments.Model;

namespace Studies.Experiments.Kinds.Icl;

/// <summary>What the demonstrations show as labels.</summary>
internal enum LabelTreatment
{
    /// <summary>Gold labels.</summary>
    Gold,

    /// <summary>Uniformly random labels from the label space (Min et al. 2022).</summary>
    Random,

    /// <summary>A fraction p of demonstrations with a wrong label (Wei et al. 2023).</summary>
    Flipped,

    /// <summary>Gold labels mapped to semantically unrelated words, the query answered in those words (Wei et al. 2023).</summary>
    Unrelated,

    /// <summary>No labels (format-only ablation).</summary>
    None,
}

/// <summary>What the demonstrations show as inputs.</summary>
internal enum InputTreatment
{
    Gold,

    /// <summary>Random words, length-matched, gold labels kept (Min et al. 2022's out-of-distribution inputs).</summary>
    OutOfDistribution,

    /// <summary>Random words, length-matched, as part of the format-only ablation.</summary>
    Random,

    /// <summary>No inputs (format-only ablation).</summary>
    None,
}

/// <summary>An icl condition with its parameters resolved.</summary>
internal sealed record IclCondition
{
    public required ConditionSpec Spec { get; init; }

    public required FewShotTemplate Template { get; init; }

    /// <summary>Shot counts; one set of trials per value.</summary>
    public required IReadOnlyList<int> Shots { get; init; }

    public LabelTreatment Labels { get; init; }

    public InputTreatment Inputs { get; init; }

    /// <summary>flipped_labels: fractions of flipped demonstrations; one set of trials per value.</summary>
    public IReadOnlyList<double> FlipFractions { get; init; } = [];

    /// <summary>unrelated_labels: the word shown for each label, in label order.</summary>
    public IReadOnlyList<string> UnrelatedWords { get; init; } = [];

    /// <summary>permutation: orders per item (1 = the drawn order only).</summary>
    public int Permutations { get; init; } = 1;

    /// <summary>contextual_calibration: content-free inputs (empty = no calibration).</summary>
    public IReadOnlyList<string> ContentFree { get; init; } = [];

    /// <summary>Token budget of a generated label (scoring: generation).</summary>
    public int AnswerTokens { get; init; } = 16;

    /// <summary>format_only: random, no_inputs or no_labels.</summary>
    public string? Ablation { get; init; }
}
