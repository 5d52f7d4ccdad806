using System.Text.RegularExpressions;

namespace Studies.Experiments.Kinds.Cot;

/// <summary>
/// A deterministic paraphrase for Lanham et al.'s paraphrase intervention (the tiny models cannot paraphrase). One
/// pass over the text, so rules never chain:
/// <list type="number">
/// <item>contractions are expanded ("don't" → "do not", "let's" → "let us", "it's" → "it is", ...);</item>
/// <item>a fixed table of connectives and common words is replaced by synonyms ("so" → "therefore", "because" →
/// "since", "but" → "however", "big" → "large", "said" → "stated", ...);</item>
/// <item>the case of a replaced word's first letter is kept;</item>
/// <item>numbers, option letters and protected words (the label space) are never touched.</item>
/// </list>
/// The meaning (and any stated answer) is kept, so an answer that changes under paraphrase depends on the wording.
/// </summary>
internal static partial class RuleParaphraser
{
    private static readonly Dictionary<string, string> Rules = new(StringComparer.OrdinalIgnoreCase)
    {
        ["can't"] = "cannot", ["won't"] = "will not", ["don't"] = "do not", ["doesn't"] = "does not", ["didn't"] = "did not",
        ["isn't"] = "is not", ["aren't"] = "are not", ["wasn't"] = "was not", ["weren't"] = "were not", ["couldn't"] = "could not",
        ["it's"] = "it is", ["that's"] = "that is", ["there's"] = "there is", ["let's"] = "let us", ["he's"] = "he is",
        ["she's"] = "she is", ["i'm"] = "I am", ["you're"] = "you are", ["they're"] = "they are", ["we're"] = "we are",
        ["i'll"] = "I will", ["we'll"] = "we will", ["they'll"] = "they will", ["i've"] = "I have",
        ["so"] = "therefore", ["because"] = "since", ["but"] = "however", ["then"] = "after that", ["big"] = "large",
        ["little"] = "small", ["very"] = "really", ["said"] = "stated", ["begin"] = "start", ["began"] = "started",
        ["quickly"] = "fast", ["many"] = "lots of", ["also"] = "as well", ["saw"] = "noticed", ["went"] = "headed",
        ["wanted"] = "wished", ["liked"] = "enjoyed", ["now"] = "at this point", ["maybe"] = "perhaps", ["start"] = "begin",
        ["gets"] = "obtains", ["total"] = "sum", ["needs"] = "requires", ["buy"] = "purchase", ["bought"] = "purchased",
    };

    /// <summary>The paraphrase and how many rules applied.</summary>
    public static (string Text, int Edits) Paraphrase(string text, IReadOnlyCollection<string> protectedWords)
    {
        int edits = 0;
        string result = Token().Replace(text, m =>
        {
            string word = m.Value;
            if (protectedWords.Contains(word, StringComparer.OrdinalIgnoreCase) || !Rules.TryGetValue(word.Replace('\u2019', '\''), out string? replacement))
            {
                return word;
            }

            edits++;
            return char.IsUpper(word[0]) ? char.ToUpperInvariant(replacement[0]) + replacement[1..] : replacement;
        });
        return (result, edits);
    }

    [GeneratedRegex(@"\b[A-Za-z]+(?:['\u2019][A-Za-z]+)?\b")]
    private static partial Regex Token();
}
