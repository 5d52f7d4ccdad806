using Studies.Experiments.Kinds;
using Studies.Experiments.Model;
using Studies.Experiments.Yaml;

namespace Studies.Experiments.Config;

/// <summary>
/// Turns free-form YAML (study parameters and condition parameters) into the values kinds read: scalars (string,
/// long, double, bool, null) or lists of them; anything deeper is reported.
/// </summary>
internal static class ParameterBinder
{
    public static IReadOnlyDictionary<string, object?> Bind(IEnumerable<ConfigEntry> entries, string where, ICollection<StudyProblem> problems)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (Value(entry.Value, entry.Key.Text, where, problems, out object? value))
            {
                result[entry.Key.Text] = value;
            }
        }

        return result;
    }

    private static bool Value(ConfigNode node, string key, string where, ICollection<StudyProblem> problems, out object? value)
    {
        switch (node)
        {
            case ConfigScalar s:
                value = s.Value;
                return true;
            case ConfigSequence seq when seq.Items.All(i => i is ConfigScalar):
                value = seq.Items.Select(i => ((ConfigScalar)i).Value).ToList();
                return true;
            default:
                problems.Add(new StudyProblem(node.Location,
                    $"'{key}' in {where} must be a single value or a list of values, not {node.Describe()} with nested entries."));
                value = null;
                return false;
        }
    }
}
