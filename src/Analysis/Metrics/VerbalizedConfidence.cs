using System.Globalization;
using System.Text.RegularExpressions;

namespace Studies.Analysis.Metrics;

/// <summary>Parses a confidence the model states in words (Tian et al. 2023, "Just Ask for Calibration") into [0, 1].</summary>
/// <remarks>
/// Tried in order, the first that yields a value in [0, 1] wins:
/// <list type="number">
/// <item>A number after a keyword (confidence, confident, certainty, probability, likelihood), within 40 characters in
/// the same sentence, skipping a stated scale: "Confidence: 80%", "Probability: 0.8", "Confidence (0-100): 85",
/// "confidence level of 8/10". The last such statement counts.</item>
/// <item>A level word tied to a keyword: "Confidence: high", "low confidence".</item>
/// <item>A percentage anywhere: "I'm 80% sure", "80 percent" (the last one counts).</item>
/// <item>The whole text is a number or a level word: "0.8", "80", "High".</item>
/// </list>
/// Numbers: "80%" / "80 percent" → 0.8; "a/b" → a/b; a plain number ≤ 1 is a probability, one in (1, 100] a percentage.
/// Levels map to the centres of three equal bands: low → 1/6, medium (or moderate) → 1/2, high → 5/6; "very high" counts as high.
/// </remarks>
public static partial class VerbalizedConfidence
{
    /// <summary>Value of "low".</summary>
    public const double Low = 1.0 / 6.0;
    /// <summary>Value of "medium" / "moderate".</summary>
    public const double Medium = 0.5;
    /// <summary>Value of "high".</summary>
    public const double High = 5.0 / 6.0;

    private const string Number = @"(?<num>\d+(?:\.\d+)?|\.\d+)(?:\s*/\s*(?<den>\d+(?:\.\d+)?))?\s*(?<pct>%|percent\b|per\s?cent\b)?";
    private const string Keyword = @"\b(?:confidence|confident|certainty|probability|likelihood)\b";
    // A stated scale such as "(0-100)" or "(0 to 1)": its numbers are never the confidence.
    private const string Scale = @"\(\s*\d+(?:\.\d+)?\s*%?\s*(?:-|–|to)\s*\d+(?:\.\d+)?\s*%?\s*\)";
    // Text between keyword and value: same sentence, no digits, a scale skipped whole.
    private const string Gap = "(?:" + Scale + "|(?!" + Scale + @")[^\d\n.!?])";
    private const string Level = @"(?<level>high|medium|moderate|low)";

    [GeneratedRegex(Keyword + Gap + "{0,40}?" + Number, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex KeywordNumber();

    [GeneratedRegex(Keyword + Gap + @"{0,20}?\b" + Level + @"\b|\b" + Level + @"\s+(?:confidence|certainty)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex KeywordLevel();

    [GeneratedRegex(@"(?<num>\d+(?:\.\d+)?)\s*(?<pct>%|percent\b|per\s?cent\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Percentage();

    [GeneratedRegex(@"^\s*" + Number + @"\s*\.?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WholeNumber();

    [GeneratedRegex(@"^\s*(?:very\s+)?" + Level + @"\s*\.?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WholeLevel();

    /// <summary>The stated confidence in [0, 1], or null when the text states none (or only an impossible one, e.g. 150%).</summary>
    public static double? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        return LastNumber(KeywordNumber().Matches(text))
            ?? LastLevel(KeywordLevel().Matches(text))
            ?? LastNumber(Percentage().Matches(text))
            ?? LastNumber(WholeNumber().Matches(text))
            ?? LastLevel(WholeLevel().Matches(text));
    }

    private static double? LastNumber(MatchCollection matches)
    {
        for (int i = matches.Count - 1; i >= 0; i--)
            if (ToProbability(matches[i]) is double p) return p;
        return null;
    }

    private static double? LastLevel(MatchCollection matches)
    {
        for (int i = matches.Count - 1; i >= 0; i--)
        {
            Group g = matches[i].Groups["level"];
            string level = g.Success ? g.Value : "";
            if (level.Length == 0) continue;
            return char.ToLowerInvariant(level[0]) switch
            {
                'h' => High,
                'l' => Low,
                _ => Medium,
            };
        }
        return null;
    }

    private static double? ToProbability(Match m)
    {
        double value = double.Parse(m.Groups["num"].Value, NumberStyles.Float, CultureInfo.InvariantCulture);
        Group den = m.Groups["den"];
        if (den.Success)
        {
            double d = double.Parse(den.Value, NumberStyles.Float, CultureInfo.InvariantCulture);
            if (d <= 0) return null;
            value /= d;
            return value <= 1.0 ? value : null;
        }
        if (m.Groups["pct"].Success || value > 1.0) value /= 100.0;
        return value <= 1.0 ? value : null;
    }
}
