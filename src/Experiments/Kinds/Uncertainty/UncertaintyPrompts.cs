using Studies.Experiments.Kinds.Prompting;
using Studies.Experiments.Model;

namespace Studies.Experiments.Kinds.Uncertainty;

/// <summary>
/// The texts of the uncertainty kind: the question ("...\nAnswer:", with optional direct demonstrations), and the two
/// self-evaluation prompts about the greedy answer: P(True) (Kadavath et al. 2022) and a verbalized confidence
/// (Tian et al. 2023).
/// </summary>
internal static class UncertaintyPrompts
{
    public const string PTrueQuestion = "Is the proposed answer true or false?";
    public const string ConfidenceQuestion = "How confident are you that the proposed answer is correct? Answer with a percentage.";
    public const string ConfidenceCue = "Confidence:";

    /// <summary>P(True) scores these two continuations of the P(True) prompt.</summary>
    public static readonly IReadOnlyList<string> TrueFalse = ["True", "False"];

    public static string PTrue(QuestionFormat format, StudyItem item, string proposed) =>
        format.Block(item) + "\nProposed answer: " + proposed + "\n" + PTrueQuestion + "\n" + QuestionFormat.AnswerCue;

    public static string Confidence(QuestionFormat format, StudyItem item, string proposed) =>
        format.Block(item) + "\nProposed answer: " + proposed + "\n" + ConfidenceQuestion + "\n" + ConfidenceCue;
}
