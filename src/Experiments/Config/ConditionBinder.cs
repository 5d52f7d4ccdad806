using System.Globalization;
using Studies.Experiments.Kinds;
using Studies.Experiments.Model;
using Studies.Experiments.Yaml;

namespace Studies.Experiments.Config;

/// <summary>
/// Binds <c>conditions:</c>: each a mapping with <c>type</c>, an optional <c>name</c> and the type's parameters.
/// An unnamed condition is named by its type, or, when several share a type, by its type and parameters
/// ("random_labels shots=8"), so names are unique within a study and stable across runs.
/// </summary>
internal static class ConditionBinder
{
    public static IReadOnlyList<ConditionSpec> Bind(IReadOnlyList<ConfigNode> nodes, string study, ICollection<StudyProblem> problems)
    {
        var bound = new List<(ConditionSpec Spec, bool Named)>();
        foreach (var node in nodes)
        {
            if (node is ConfigScalar { IsNull: false } shorthand)
            {
                bound.Add((new ConditionSpec { Name = shorthand.Text, Type = shorthand.Text, Location = shorthand.Location }, false));
                continue;
            }

            if (node is not ConfigMapping map)
            {
                problems.Add(new StudyProblem(node.Location,
                    $"each condition of study '{study}' must be a mapping such as {{type: gold_labels, shots: 8}}, not {node.Describe()}."));
                continue;
            }

            var reader = new MappingReader(map, $"a condition of study '{study}'", null, problems);
            string? type = reader.Text("type", "gold_labels");
            if (type is null)
            {
                problems.Add(new StudyProblem(map.Location,
                    $"a condition of study '{study}' has no 'type': add type: <a condition type of the study's kind>."));
                continue;
            }

            string? name = reader.Text("name", type);
            var parameters = ParameterBinder.Bind(map.Entries.Where(e => e.Key.Text is not ("type" or "name")), $"condition '{name ?? type}'", problems);
            bound.Add((new ConditionSpec { Name = name ?? type, Type = type, Parameters = parameters, Location = map.Location }, name is not null));
        }

        var result = new List<ConditionSpec>(bound.Count);
        foreach (var (spec, named) in bound)
        {
            bool shared = !named && bound.Count(b => !b.Named && b.Spec.Type == spec.Type) > 1;
            result.Add(shared && spec.Parameters.Count > 0 ? spec with { Name = $"{spec.Type} {Describe(spec.Parameters)}" } : spec);
        }

        foreach (var group in result.GroupBy(c => c.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            foreach (var duplicate in group.Skip(1))
            {
                problems.Add(new StudyProblem(duplicate.Location,
                    $"study '{study}' has two conditions named '{group.Key}' (first at line {group.First().Location.Line}): give each a distinct name: ."));
            }
        }

        return result;
    }

    private static string Describe(IReadOnlyDictionary<string, object?> parameters) =>
        string.Join(' ', parameters.Select(p => $"{p.Key}={Format(p.Value)}"));

    private static string Format(object? value) => value switch
    {
        null => "null",
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable<object?> list => "[" + string.Join(",", list.Select(Format)) + "]",
        _ => value.ToString() ?? "",
    };
}
