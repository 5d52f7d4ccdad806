using Studies.Experiments.Model;

namespace Studies.Experiments.Kinds.Validation;

/// <summary>A condition type a kind accepts, with the parameters it reads.</summary>
internal sealed record ConditionType(string Name, IReadOnlyList<string> Parameters);

/// <summary>
/// The condition types of one kind and the parameters each reads. Checks names (types, parameters, duplicates) so a
/// typo is reported with a suggestion instead of being silently ignored. Parameters may be set on a condition or, as a
/// default for every condition type that reads them, on the study.
/// </summary>
internal sealed class ConditionCatalog
{
    private readonly Dictionary<string, ConditionType> _types;
    private readonly IReadOnlyList<string> _kindWide;

    /// <param name="kind">The kind's YAML name, for messages.</param>
    /// <param name="defaultType">The condition planned when a study declares none.</param>
    /// <param name="kindWide">Parameters every condition type reads (templates, instructions).</param>
    public ConditionCatalog(string kind, string defaultType, IReadOnlyList<string> kindWide, IReadOnlyList<ConditionType> types)
    {
        Kind = kind;
        DefaultType = defaultType;
        _kindWide = kindWide;
        _types = types.ToDictionary(t => t.Name, StringComparer.Ordinal);
        Types = [.. types.Select(t => t.Name)];
    }

    public string Kind { get; }

    public string DefaultType { get; }

    public IReadOnlyList<string> Types { get; }

    public bool Knows(string type) => _types.ContainsKey(type);

    /// <summary>Whether conditions of <paramref name="type"/> read <paramref name="parameter"/>.</summary>
    public bool Accepts(string type, string parameter) =>
        _kindWide.Contains(parameter) || (_types.TryGetValue(type, out var t) && t.Parameters.Contains(parameter));

    /// <summary>The study's conditions, or the kind's default condition when it declares none.</summary>
    public IReadOnlyList<ConditionSpec> Effective(StudyDefinition study) =>
        study.Conditions.Count > 0
            ? study.Conditions
            : [new ConditionSpec { Name = DefaultType, Type = DefaultType, Location = study.Location }];

    public void Check(StudyDefinition study, List<StudyProblem> problems)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in study.Conditions)
        {
            if (!names.Add(c.Name))
            {
                problems.Add(new(c.Location, $"Study '{study.Name}' has two conditions named '{c.Name}': condition names must be unique (they are part of every trial key)."));
            }

            if (!Knows(c.Type))
            {
                problems.Add(new(c.Location, $"Unknown {Kind} condition type '{c.Type}'{NameSuggester.DidYouMean(c.Type, Types)} (known: {string.Join(", ", Types)})."));
                continue;
            }

            foreach (string p in c.Parameters.Keys)
            {
                if (!Accepts(c.Type, p))
                {
                    var accepted = _kindWide.Concat(_types[c.Type].Parameters).ToList();
                    problems.Add(new(c.Location, $"Condition '{c.Name}' ({c.Type}) has no parameter '{p}'{NameSuggester.DidYouMean(p, accepted)} (it reads: {string.Join(", ", accepted)})."));
                }
            }
        }

        var all = _kindWide.Concat(_types.Values.SelectMany(t => t.Parameters)).Distinct().ToList();
        foreach (string p in study.Parameters.Keys)
        {
            if (!all.Contains(p))
            {
                problems.Add(new(study.Location, $"Study '{study.Name}' ({Kind}) has no parameter '{p}'{NameSuggester.DidYouMean(p, all)} ({Kind} studies read: {string.Join(", ", all)})."));
            }
        }
    }
}
