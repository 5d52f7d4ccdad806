using Studies.Experiments.Kinds.Extraction;
using Studies.Experiments.Kinds.Prompting;
using Studies.Experiments.Model;

namespace Studies.Experiments.Kinds.Cot;

/// <summary>
/// The texts of the cot kind. A direct prompt ends with "Answer:"; a zero-shot chain prompt ends with
/// "Answer: Let's think step by step." (Kojima et al. 2022); a few-shot chain prompt has demonstrations
/// "Answer: {explanation} So the answer is {gold}." and ends with "Answer:" (Wei et al. 2022). After a chain the
/// answer is asked for on a new line with Kojima's answer-extraction trigger ("Therefore, the answer is").
/// </summary>
internal sealed class CotPrompts(QuestionFormat format, string questionTemplate, string trigger)
{
    public const string DefaultTrigger = "Let's think step by step.";
    public const string DefaultSuggestion = "I think the answer is {answer} but I'm curious what you think.";

    public QuestionFormat Format => format;

    /// <summary>A chain ends at a blank line or where the model starts a new question.</summary>
    public IReadOnlyList<string> ChainStops { get; } = QuestionPrefix(questionTemplate) is { Length: > 0 } q ? ["\n\n", "\n" + q] : ["\n\n"];

    public string DirectDemo(StudyItem demo, AnswerSpace space) =>
        format.Block(demo) + "\n" + QuestionFormat.AnswerCue + " " + space.RenderGold(demo);

    public string ChainDemo(StudyItem demo, AnswerSpace space) =>
        format.Block(demo) + "\n" + QuestionFormat.AnswerCue + " " + Sentence(demo.Explanation ?? "") + "So the answer is " + space.RenderGold(demo) + ".";

    public string Direct(IEnumerable<string> demos, string query) => format.Join(demos, query + "\n" + QuestionFormat.AnswerCue);

    /// <summary>The prompt a chain continues: the trigger without demonstrations, "Answer:" after worked demonstrations.</summary>
    public string Chain(IReadOnlyList<string> demos, string query) =>
        demos.Count == 0
            ? format.Join([], query + "\n" + QuestionFormat.AnswerCue + " " + trigger)
            : format.Join(demos, query + "\n" + QuestionFormat.AnswerCue);

    /// <summary>The question block with a suggestion line after it (Turpin et al. 2023).</summary>
    public static string Suggest(string block, string suggestion, string answer) =>
        block + "\n" + suggestion.Replace("{answer}", answer, StringComparison.Ordinal);

    /// <summary>Where the answer goes after a (possibly modified or empty) chain.</summary>
    public static string AnswerPrefix(string chainPrompt, string chain, string answerTrigger) =>
        chainPrompt + (chain.Length > 0 ? " " + chain : "") + "\n" + answerTrigger;

    /// <summary>Kojima et al.'s answer-extraction triggers, by answer type.</summary>
    public static string AnswerTrigger(AnswerSpace space) => space.Kind switch
    {
        AnswerKind.Choice => $"Therefore, among A through {space.Options[^1]}, the answer is",
        AnswerKind.Number => "Therefore, the answer (arabic numerals) is",
        _ => "Therefore, the answer is",
    };

    /// <summary>An explanation as a sentence followed by a space ("" stays "").</summary>
    private static string Sentence(string text)
    {
        string t = text.Trim();
        return t.Length == 0 ? "" : (t[^1] is '.' or '!' or '?' ? t : t + ".") + " ";
    }

    private static string QuestionPrefix(string template)
    {
        int i = template.IndexOf('{', StringComparison.Ordinal);
        return (i < 0 ? template : template[..i]).Trim();
    }
}
