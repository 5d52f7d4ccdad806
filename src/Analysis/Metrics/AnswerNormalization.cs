using System.Text;

namespace Studies.Analysis.Metrics;

/// <summary>SQuAD-style answer normalisation for exact-match scoring and clustering (Rajpurkar et al. 2016, <c>normalize_answer</c>).</summary>
public static class AnswerNormalization
{
    /// <summary>
    /// Lower-cases (invariant), deletes punctuation and symbol characters (Unicode categories P* and S*, a superset of
    /// Python's <c>string.punctuation</c>; deleted, not replaced, so "don't" → "dont" as in SQuAD), drops the
    /// articles "a", "an", "the" as whole words, and joins the remaining words with single spaces.
    /// </summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new StringBuilder(text.Length);
        var word = new StringBuilder();
        foreach (char ch in text)
        {
            if (char.IsWhiteSpace(ch)) Flush(result, word);
            else if (!char.IsPunctuation(ch) && !char.IsSymbol(ch)) word.Append(char.ToLowerInvariant(ch));
        }
        Flush(result, word);
        return result.ToString();
    }

    private static void Flush(StringBuilder result, StringBuilder word)
    {
        if (word.Length == 0 || IsArticle(word))
        {
            word.Clear();
            return;
        }
        if (result.Length > 0) result.Append(' ');
        result.Append(word);
        word.Clear();
    }

    private static bool IsArticle(StringBuilder w) =>
        (w.Length == 1 && w[0] == 'a')
        || (w.Length == 2 && w[0] == 'a' && w[1] == 'n')
        || (w.Length == 3 && w[0] == 't' && w[1] == 'h' && w[2] == 'e');
}
