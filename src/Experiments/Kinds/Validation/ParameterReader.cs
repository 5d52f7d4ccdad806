using System.Collections;
using System.Globalization;
using Studies.Experiments.Model;

namespace Studies.Experiments.Kinds.Validation;

/// <summary>
/// Reads one condition's parameters: the condition's own value, else the study-wide value, else the default. Bad
/// values become problems (with the declaring location) and the default is used, so validation reports every problem
/// in one pass. Values are YAML scalars (string, long, double, bool) or lists of them; a scalar where a list is
/// allowed is a list of one.
/// </summary>
internal sealed class ParameterReader(StudyDefinition study, ConditionSpec condition, List<StudyProblem> problems)
{
    public ConditionSpec Condition => condition;

    public bool Has(string name) => condition.Parameters.ContainsKey(name) || study.Parameters.ContainsKey(name);

    public int Int(string name, int fallback, int min, int max) =>
        Find(name, out object? value, out var where) ? ToInt(name, value, min, max, where) ?? fallback : fallback;

    public IReadOnlyList<int> Ints(string name, IReadOnlyList<int> fallback, int min, int max)
    {
        if (!Find(name, out object? value, out var where))
        {
            return fallback;
        }

        var list = Elements(value).Select(v => ToInt(name, v, min, max, where)).ToList();
        return list.Count > 0 && list.All(v => v.HasValue) ? list.Select(v => v!.Value).ToList() : Empty(name, list.Count, where, fallback);
    }

    public double Double(string name, double fallback, double min, double max) =>
        Find(name, out object? value, out var where) ? ToDouble(name, value, min, max, where) ?? fallback : fallback;

    public IReadOnlyList<double> Doubles(string name, IReadOnlyList<double> fallback, double min, double max)
    {
        if (!Find(name, out object? value, out var where))
        {
            return fallback;
        }

        var list = Elements(value).Select(v => ToDouble(name, v, min, max, where)).ToList();
        return list.Count > 0 && list.All(v => v.HasValue) ? list.Select(v => v!.Value).ToList() : Empty(name, list.Count, where, fallback);
    }

    public string Text(string name, string fallback) =>
        Find(name, out object? value, out var where) ? ToText(name, value, where) ?? fallback : fallback;

    public IReadOnlyList<string> Texts(string name, IReadOnlyList<string> fallback)
    {
        if (!Find(name, out object? value, out var where))
        {
            return fallback;
        }

        var list = Elements(value).Select(v => ToText(name, v, where)).ToList();
        return list.Count > 0 && list.All(v => v is not null) ? list.Select(v => v!).ToList() : Empty(name, list.Count, where, fallback);
    }

    public bool Flag(string name, bool fallback)
    {
        if (!Find(name, out object? value, out var where))
        {
            return fallback;
        }

        switch (value)
        {
            case bool b:
                return b;
            case string s when s.Equals("true", StringComparison.OrdinalIgnoreCase) || s.Equals("yes", StringComparison.OrdinalIgnoreCase):
                return true;
            case string s when s.Equals("false", StringComparison.OrdinalIgnoreCase) || s.Equals("no", StringComparison.OrdinalIgnoreCase):
                return false;
            default:
                Problem(where, name, "true or false", value);
                return fallback;
        }
    }

    public string OneOf(string name, string fallback, IReadOnlyList<string> allowed)
    {
        string value = Text(name, fallback);
        if (allowed.Contains(value))
        {
            return value;
        }

        Find(name, out _, out var where);
        problems.Add(new(where, $"{Owner}: parameter '{name}' must be one of {string.Join(", ", allowed)}, got '{value}'{NameSuggester.DidYouMean(value, allowed)}."));
        return fallback;
    }

    /// <summary>Reports a problem about this condition (for checks across parameters).</summary>
    public void Report(string message) => problems.Add(new(condition.Location, $"{Owner}: {message}"));

    private string Owner => $"condition '{condition.Name}' ({condition.Type})";

    private bool Find(string name, out object? value, out SourceLocation where)
    {
        if (condition.Parameters.TryGetValue(name, out value))
        {
            where = condition.Location;
            return true;
        }

        where = study.Location;
        return study.Parameters.TryGetValue(name, out value);
    }

    private static IEnumerable<object?> Elements(object? value) =>
        value is IEnumerable e and not string ? e.Cast<object?>() : [value];

    private IReadOnlyList<T> Empty<T>(string name, int count, SourceLocation where, IReadOnlyList<T> fallback)
    {
        if (count == 0)
        {
            problems.Add(new(where, $"{Owner}: parameter '{name}' is an empty list."));
        }

        return fallback;
    }

    private int? ToInt(string name, object? value, int min, int max, SourceLocation where)
    {
        long? n = value switch
        {
            int i => i,
            long l => l,
            short s => s,
            double d when Math.Abs(d - Math.Round(d)) < 1e-9 && Math.Abs(d) < int.MaxValue => (long)Math.Round(d),
            string s when long.TryParse(s.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out long l) => l,
            _ => null,
        };
        if (n is null || n < min || n > max)
        {
            Problem(where, name, $"a whole number from {min} to {max}", value);
            return null;
        }

        return (int)n.Value;
    }

    private double? ToDouble(string name, object? value, double min, double max, SourceLocation where)
    {
        double? d = value switch
        {
            double x => x,
            float x => x,
            int x => x,
            long x => x,
            decimal x => (double)x,
            string s when double.TryParse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double x) => x,
            _ => null,
        };
        if (d is null || double.IsNaN(d.Value) || d < min || d > max)
        {
            Problem(where, name, $"a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}", value);
            return null;
        }

        return d;
    }

    private string? ToText(string name, object? value, SourceLocation where)
    {
        switch (value)
        {
            case string s:
                return s;
            case null:
                return "";
            case IConvertible c and not bool:
                return c.ToString(CultureInfo.InvariantCulture);
            default:
                Problem(where, name, "text", value);
                return null;
        }
    }

    private void Problem(SourceLocation where, string name, string expected, object? value) =>
        problems.Add(new(where, $"{Owner}: parameter '{name}' must be {expected}, got {Describe(value)}."));

    private static string Describe(object? value) => value switch
    {
        null => "nothing",
        string s => $"'{s}'",
        IEnumerable e => $"a list ({string.Join(", ", e.Cast<object?>().Select(Describe))})",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "?",
    };
}
