using Studies.Experiments.Kinds.Prompting;
using Studies.Experiments.Model;

namespace Studies.Experiments.Kinds.Uncertainty;

/// <summary>An uncertainty condition with its parameters resolved: how to sample, and which extra signals to ask for.</summary>
internal sealed record UncertaintyCondition
{
    public const string PTrue = "p_true";
    public const string VerbalConfidence = "verbal_conf";

    public static readonly IReadOnlyList<string> OptionalSignals = [PTrue, VerbalConfidence];

    public required ConditionSpec Spec { get; init; }

    public required QuestionFormat Format { get; init; }

    public required IReadOnlyList<int> Shots { get; init; }

    public int Samples { get; init; } = 10;

    public double Temperature { get; init; } = 1.0;

    /// <summary>The optional signals that cost extra calls: p_true (one scoring call), verbal_conf (one short generation).</summary>
    public IReadOnlyList<string> Signals { get; init; } = OptionalSignals;
}
