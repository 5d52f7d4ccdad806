namespace Studies.Analysis.Diff;

/// <summary>
/// A group of paired trials whose accuracy is compared: one study, one model pair, one condition, and the values of
/// the condition's design facets (see <see cref="GroupFacets"/>), written "shots=4, flip=0.25" ("" when none).
/// </summary>
public sealed record DiffGroupKey(string Study, string ModelA, string ModelB, string Condition, string Facets)
{
    /// <summary>"a" when both sides ran the same model, else "a → b".</summary>
    public string Models => string.Equals(ModelA, ModelB, StringComparison.Ordinal) ? ModelA : $"{ModelA} → {ModelB}";

    /// <summary>A one-line name: condition and facets, with the study and models in front when asked for.</summary>
    public string Label(bool withStudy, bool withModels)
    {
        var parts = new List<string>(4);
        if (withStudy)
        {
            parts.Add(Study);
        }

        if (withModels)
        {
            parts.Add(Models);
        }

        parts.Add(Facets.Length == 0 ? Condition : $"{Condition} ({Facets})");
        return string.Join(" · ", parts);
    }
}
