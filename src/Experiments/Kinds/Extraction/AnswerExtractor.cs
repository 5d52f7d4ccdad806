using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Studies.Experiments.Kinds.Extraction;

/// <summary>
/// Pulls an answer out of generated text. Each extractor returns null when it finds nothing: callers record that as
/// an extraction failure (counted as wrong, never dropped). "first" semantics suit short answers ("Sad. Tom is..."),
/// "last" semantics suit chains of thought, whose answer comes at the end.
/// </summary>
internal static partial class AnswerExtractor
{
    private static readonly ConcurrentDictionary<string, Regex> LabelPatterns = new(StringComparer.Ordinal);

    /// <summary>The last number in the text, canonical ("1,000.50" → "1000.5"), or null.</summary>
    public static string? LastNumber(string text)
    {
        var matches = NumberPattern().Matches(text);
        return matches.Count == 0 ? null : NumberText.Canonical(matches[^1].Value);
    }

    /// <summary>
    /// An option letter among the first <paramref name="optionCount"/> (A-E by default): "(B)", "answer is B", a reply
    /// that starts with "B." / "B)" / just "B", or "B)" anywhere. A capital letter alone inside a sentence ("A dog") is not
    /// an answer.
    /// </summary>
    public static string? OptionLetter(string text, int optionCount = 5, bool last = false)
    {
        bool InRange(Match m) => m.Groups[1].Value[0] - 'A' < optionCount;
        Match? Pick(MatchCollection ms)
        {
            var valid = ms.Where(InRange).ToList();
            return valid.Count == 0 ? null : last ? valid[^1] : valid[0];
        }

        var m = last
            ? Pick(CuePattern().Matches(text)) ?? Pick(ParenPattern().Matches(text)) ?? Pick(CloseParenPattern().Matches(text))
            : Pick(ParenPattern().Matches(text)) ?? Pick(CuePattern().Matches(text)) ?? Pick(LeadingPattern().Matches(text)) ?? Pick(CloseParenPattern().Matches(text));
        if (m is null && text.Trim().TrimEnd('.', ')', ':', '!') is [char c] && char.ToUpperInvariant(c) - 'A' is var i && i >= 0 && i < optionCount)
        {
            return ((char)('A' + i)).ToString();
        }

        return m?.Groups[1].Value;
    }

    /// <summary>
    /// The first (or last) occurrence of any label as a whole word, case-insensitive, returned in the label list's
    /// spelling. At one position the longest label wins ("very happy" over "happy").
    /// </summary>
    public static string? LabelWord(string text, IReadOnlyList<string> labels, bool last = false)
    {
        if (labels.Count == 0)
        {
            return null;
        }

        var pattern = LabelPatterns.GetOrAdd(string.Join('\u0001', labels), _ =>
            new Regex(@"(?<!\w)(?:" + string.Join('|', labels.OrderByDescending(l => l.Length).Select(Regex.Escape)) + @")(?!\w)",
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant));
        var matches = pattern.Matches(text);
        if (matches.Count == 0)
        {
            return null;
        }

        string found = (last ? matches[^1] : matches[0]).Value;
        return labels.First(l => string.Equals(l, found, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The first "yes" or "no" as a whole word, lower-case.</summary>
    public static string? YesNo(string text)
    {
        var m = YesNoPattern().Match(text);
        return m.Success ? m.Value.ToLowerInvariant() : null;
    }

    /// <summary>The text after the last "answer is" / "answer:" cue, or null when there is none.</summary>
    public static string? AfterAnswerCue(string text)
    {
        var matches = AnswerCuePattern().Matches(text);
        return matches.Count == 0 ? null : text[(matches[^1].Index + matches[^1].Length)..];
    }

    [GeneratedRegex(@"(?<![\d.])-?\d+(?:,\d{3})*(?:\.\d+)?")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"\(\s*([A-Z])\s*\)")]
    private static partial Regex ParenPattern();

    [GeneratedRegex(@"(?i:answer|option|choice)\s*(?i:is)?\s*:?\s*\(?([A-Z])(?![\w'])")]
    private static partial Regex CuePattern();

    [GeneratedRegex(@"^\s*([A-Z])(?:[.):,]|\s*$)")]
    private static partial Regex LeadingPattern();

    [GeneratedRegex(@"(?<![\w(])([A-Z])\)")]
    private static partial Regex CloseParenPattern();

    [GeneratedRegex(@"\b(?:yes|no)\b", RegexOptions.IgnoreCase)]
    private static partial Regex YesNoPattern();

    [GeneratedRegex(@"answer\s*(?:is|:)\s*:?", RegexOptions.IgnoreCase)]
    private static partial Regex AnswerCuePattern();
}
