using System.Text;

namespace Studies.Experiments.Kinds.Extraction;

/// <summary>
/// SQuAD-style answer normalization (lower case, no punctuation, no articles, single spaces): free-text answers that
/// differ only in these ways are the same answer, and the same semantic cluster in uncertainty studies.
/// </summary>
internal static class TextNormalizer
{
    private static readonly HashSet<string> Articles = ["a", "an", "the"];

    public static string Normalize(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (char c in text.ToLowerInvariant())
        {
            sb.Append(char.IsPunctuation(c) || char.IsSymbol(c) ? ' ' : c);
        }

        return string.Join(' ', sb.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Where(w => !Articles.Contains(w)));
    }
}
