using Studies.Experiments.Model;

namespace Studies.Experiments.Kinds.Extraction;

/// <summary>What kind of answer an item has, which decides how answers are written, extracted and compared.</summary>
internal enum AnswerKind
{
    /// <summary>Multiple choice: answers are option letters, written "(A)".</summary>
    Choice,

    /// <summary>A label of the study's label space.</summary>
    Label,

    /// <summary>A number, compared canonically.</summary>
    Number,

    /// <summary>Free text, compared after SQuAD normalization.</summary>
    Text,
}

/// <summary>
/// The answers one item admits: multiple choice when it has choices, else the study's labels when it has some, else a
/// number when the gold answer is one, else free text. Predictions and gold answers are canonical strings (a letter,
/// a label in the study's spelling, a canonical number, normalized text), so correctness is string equality.
/// </summary>
internal sealed class AnswerSpace
{
    private readonly IReadOnlyList<string> _choiceTexts;

    private AnswerSpace(AnswerKind kind, IReadOnlyList<string> options, IReadOnlyList<string> choiceTexts)
    {
        Kind = kind;
        Options = options;
        _choiceTexts = choiceTexts;
    }

    public AnswerKind Kind { get; }

    /// <summary>The closed answers in canonical form: option letters or labels (empty for numbers and text).</summary>
    public IReadOnlyList<string> Options { get; }

    public bool IsClosed => Kind is AnswerKind.Choice or AnswerKind.Label;

    public static AnswerSpace For(StudyItem item, IReadOnlyList<string> labels)
    {
        if (item.Choices.Count > 0)
        {
            return new(AnswerKind.Choice, [.. item.Choices.Select((_, i) => Letter(i))], [.. item.Choices.Select(TextNormalizer.Normalize)]);
        }

        if (labels.Count > 0)
        {
            return new(AnswerKind.Label, labels, []);
        }

        return item.Gold is { } gold && NumberText.GoldNumber(gold) is not null
            ? new(AnswerKind.Number, [], [])
            : new(AnswerKind.Text, [], []);
    }

    public static string Letter(int index) => ((char)('A' + index)).ToString();

    /// <summary>The item's gold answer in canonical form, or null when it has none or it is not a valid answer.</summary>
    public string? Gold(StudyItem item)
    {
        string? gold = item.Gold?.Trim();
        if (string.IsNullOrEmpty(gold))
        {
            return null;
        }

        switch (Kind)
        {
            case AnswerKind.Choice:
                string bare = gold.Trim('(', ')', ' ', '.');
                if (bare.Length == 1 && char.ToUpperInvariant(bare[0]) - 'A' is var i && i >= 0 && i < Options.Count)
                {
                    return Letter(i);
                }

                // Datasets that give the correct option's text rather than its letter.
                int byText = _choiceTexts.ToList().IndexOf(TextNormalizer.Normalize(gold));
                return byText >= 0 ? Letter(byText) : null;
            case AnswerKind.Label:
                return Options.FirstOrDefault(l => string.Equals(l, gold, StringComparison.OrdinalIgnoreCase));
            case AnswerKind.Number:
                return NumberText.GoldNumber(gold);
            default:
                string normalized = TextNormalizer.Normalize(gold);
                return normalized.Length > 0 ? normalized : null;
        }
    }

    /// <summary>How an answer is written in a prompt: "(A)" for options; labels, numbers and text as they are.</summary>
    public string Render(string canonical) => Kind == AnswerKind.Choice ? $"({canonical})" : canonical;

    /// <summary>The item's gold answer as written in a demonstration (free text keeps its original spelling).</summary>
    public string RenderGold(StudyItem item) =>
        Kind == AnswerKind.Text ? item.Gold!.Trim() : Render(Gold(item) ?? item.Gold!.Trim());

    /// <summary>
    /// The answer in a model's output, canonical, or null. Short answers take the first match; with
    /// <paramref name="fromChain"/> the text after the last "answer is" cue is tried first, then the last match.
    /// </summary>
    public string? Extract(string text, bool fromChain = false)
    {
        if (fromChain && AnswerExtractor.AfterAnswerCue(text) is { } cue && Extract(cue) is { } cued)
        {
            return cued;
        }

        switch (Kind)
        {
            case AnswerKind.Choice:
                return AnswerExtractor.OptionLetter(text, Options.Count, last: fromChain) ?? ChoiceByText(text);
            case AnswerKind.Label:
                return AnswerExtractor.LabelWord(text, Options, last: fromChain);
            case AnswerKind.Number:
                return AnswerExtractor.LastNumber(text);
            default:
                string line = text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "";
                string normalized = TextNormalizer.Normalize(line);
                return normalized.Length > 0 ? normalized : null;
        }
    }

    /// <summary>
    /// The semantic-equivalence class of an output for uncertainty measures: its extracted answer, or for an output
    /// with none, its normalized text (so unparsable outputs are told apart, not merged into one cluster).
    /// </summary>
    public static string ClusterKey(string? extracted, string raw) =>
        extracted ?? "\u2205" + TextNormalizer.Normalize(raw);

    // A reply that names exactly one option's text ("Sad." for "(B) sad") chose that option.
    private string? ChoiceByText(string text)
    {
        string normalized = " " + TextNormalizer.Normalize(text) + " ";
        var hits = _choiceTexts.Select((c, i) => (c, i)).Where(x => x.c.Length > 0 && normalized.Contains(" " + x.c + " ", StringComparison.Ordinal)).ToList();
        return hits.Count == 1 ? Letter(hits[0].i) : null;
    }
}
