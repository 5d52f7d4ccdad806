using Studies.Experiments.Config;

namespace Studies.Experiments.Kinds.Validation;

/// <summary>"Did you mean" for misspelled kind, condition and parameter names, in the kinds' message style.</summary>
internal static class NameSuggester
{
    /// <summary>The closest candidate within a small edit distance, or null (the engine's <see cref="Suggestions"/> rule).</summary>
    public static string? Closest(string name, IEnumerable<string> candidates) => Suggestions.Closest(name, candidates);

    /// <summary>"; did you mean 'x'?" or the empty string.</summary>
    public static string DidYouMean(string name, IEnumerable<string> candidates) =>
        Closest(name, candidates) is { } s ? $"; did you mean '{s}'?" : "";
}
