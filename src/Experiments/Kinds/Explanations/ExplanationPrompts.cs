using Studies.Experiments.Kinds.Extraction;
using Studies.Experiments.Kinds.Prompting;
using Studies.Experiments.Model;

namespace Studies.Experiments.Kinds.Explanations;

/// <summary>
/// The texts of the explanations kind (Lampinen et al. 2022; Ye and Durrett 2022). Demonstrations:
/// <code>
/// no explanation:   Question: ...\nAnswer: X
/// after (P-E):      Question: ...\nAnswer: X\nExplanation: E
/// before (E-P):     Question: ...\nExplanation: E\nAnswer: X
/// </code>
/// The query ends with "Answer:" (after / none), or with "Explanation:" (before), where the model writes its own
/// explanation and is then asked for the answer.
/// </summary>
internal static class ExplanationPrompts
{
    public const string ExplanationCue = "Explanation:";

    public static string Demo(QuestionFormat format, StudyItem demo, AnswerSpace space, string? explanation, ExplanationPosition position)
    {
        string block = format.Block(demo);
        string answer = QuestionFormat.AnswerCue + " " + space.RenderGold(demo);
        if (explanation is null)
        {
            return block + "\n" + answer;
        }

        string line = ExplanationCue + " " + explanation;
        return position == ExplanationPosition.After ? block + "\n" + answer + "\n" + line : block + "\n" + line + "\n" + answer;
    }

    public static string Query(QuestionFormat format, IEnumerable<string> demos, StudyItem item, bool explainFirst) =>
        format.Join(demos, format.Block(item) + "\n" + (explainFirst ? ExplanationCue : QuestionFormat.AnswerCue));

    /// <summary>Where the answer goes after the model's own explanation (explain-then-predict).</summary>
    public static string AnswerAfter(string prompt, string explanation) =>
        prompt + (explanation.Length > 0 ? " " + explanation : "") + "\n" + QuestionFormat.AnswerCue;

    /// <summary>A generated explanation is one line, like the demonstrations' (the answer line follows it).</summary>
    public static IReadOnlyList<string> ExplanationStops { get; } = ["\n"];

    /// <summary>The demonstrations' explanations, as the condition shows them (true, scrambled, irrelevant, filler).</summary>
    public static IReadOnlyList<string> Explanations(IReadOnlyList<StudyItem> demos, ExplanationContent content, int seed)
    {
        var own = demos.Select(d => OneLine(d.Explanation ?? "")).ToList();
        return content switch
        {
            ExplanationContent.Scrambled => [.. demos.Select((d, i) => Scramble(own[i], SeedDerivation.Random(seed, "scramble", d.Id)))],
            // Each demonstration shows the next one's explanation: true, but about another question.
            ExplanationContent.Irrelevant => [.. own.Select((_, i) => own[(i + 1) % own.Count])],
            ExplanationContent.Filler => [.. own.Select(e => string.Join(' ', Enumerable.Repeat("...", Math.Max(1, RandomText.WordCount(e)))))],
            _ => own,
        };
    }

    private static string Scramble(string explanation, StableRandom rng)
    {
        var words = explanation.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        rng.Shuffle(words);
        return string.Join(' ', words);
    }

    // The format is line-based: an explanation is one line.
    private static string OneLine(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
