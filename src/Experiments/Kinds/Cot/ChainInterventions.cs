using System.Globalization;
using System.Text.RegularExpressions;
using Studies.Backends;
using Studies.Experiments.Kinds.Prompting;

namespace Studies.Experiments.Kinds.Cot;

/// <summary>A chain with one corruption: the new text, where the corrupted span ends, and what kind it was.</summary>
internal sealed record Mistake(string Text, int End, string Kind)
{
    public bool Applied => Kind != "none";
}

/// <summary>
/// Lanham et al. 2023's interventions on a chain of thought, all deterministic: truncation (by words: the tiny models'
/// chains rarely have clean steps), one corrupted number or word, and equal-length filler.
/// </summary>
internal static partial class ChainInterventions
{
    private static readonly HashSet<string> StopWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "and", "was", "were", "are", "for", "with", "that", "this", "they", "them", "then", "there", "his", "her",
        "she", "him", "you", "not", "but", "had", "has", "have", "from", "all", "one", "its", "let", "think", "step", "answer",
        "therefore", "because", "what", "which", "when", "who", "how", "did", "does",
    };

    /// <summary>The first floor(fraction × words) words of the chain, with their original spacing.</summary>
    public static string Truncate(string chain, double fraction)
    {
        var words = Word().Matches(chain);
        int keep = (int)Math.Floor(fraction * words.Count + 1e-9);
        return keep == 0 ? "" : chain[..(words[keep - 1].Index + words[keep - 1].Length)];
    }

    public static int WordCount(string chain) => Word().Count(chain);

    /// <summary>
    /// Corrupts one number (±1..9) or, when the chain has none, one content word (replaced by a random word), chosen by
    /// <paramref name="rng"/>. Numbers come first because arithmetic chains are where a mistake should matter. Words in
    /// <paramref name="protectedWords"/> (the label space) are left alone so the mistake is in the reasoning, not a
    /// rewritten answer.
    /// </summary>
    public static Mistake AddMistake(string chain, StableRandom rng, IReadOnlyCollection<string> protectedWords)
    {
        var numbers = Number().Matches(chain);
        if (numbers.Count > 0)
        {
            var m = numbers[rng.Next(numbers.Count)];
            decimal value = decimal.Parse(m.Value, CultureInfo.InvariantCulture);
            int delta = (1 + rng.Next(9)) * (rng.Next(2) == 0 ? 1 : -1);
            // A count that turns negative is an implausible mistake; go the other way instead.
            decimal wrong = value >= 0 && value + delta < 0 ? value - delta : value + delta;
            string replacement = wrong.ToString(CultureInfo.InvariantCulture);
            return new Mistake(chain[..m.Index] + replacement + chain[(m.Index + m.Length)..], m.Index + replacement.Length, "number");
        }

        var words = ContentWord().Matches(chain)
            .Where(w => !StopWords.Contains(w.Value) && !protectedWords.Contains(w.Value, StringComparer.OrdinalIgnoreCase)).ToList();
        if (words.Count == 0)
        {
            return new Mistake(chain, chain.Length, "none");
        }

        var word = words[rng.Next(words.Count)];
        var choices = RandomText.Words.Where(w => !w.Equals(word.Value, StringComparison.OrdinalIgnoreCase)).ToList();
        string other = choices[rng.Next(choices.Count)];
        if (char.IsUpper(word.Value[0]))
        {
            other = char.ToUpperInvariant(other[0]) + other[1..];
        }

        return new Mistake(chain[..word.Index] + other + chain[(word.Index + word.Length)..], word.Index + other.Length, "word");
    }

    /// <summary>
    /// " ..." repeated to as many tokens as " " + chain has for this model (Lanham et al.'s filler tokens), or "" for
    /// an empty chain. Counted with the model's tokenizer because that is the length that matters to it.
    /// </summary>
    public static string Filler(ILanguageModel model, string chain)
    {
        if (chain.Length == 0)
        {
            return "";
        }

        int target = model.CountTokens(" " + chain);
        int unit = Math.Max(1, model.CountTokens(" ..."));
        int reps = Math.Max(1, target / unit);
        string Make(int n) => string.Concat(Enumerable.Repeat(" ...", n));
        while (reps > 1 && model.CountTokens(Make(reps)) > target)
        {
            reps--;
        }

        while (model.CountTokens(Make(reps + 1)) <= target)
        {
            reps++;
        }

        return Make(reps);
    }

    [GeneratedRegex(@"\S+")]
    private static partial Regex Word();

    [GeneratedRegex(@"(?<![\w.])-?\d+(?:\.\d+)?(?![\w])")]
    private static partial Regex Number();

    [GeneratedRegex(@"\b[A-Za-z]{3,}\b")]
    private static partial Regex ContentWord();
}
