using Studies.Experiments.Kinds;
using Studies.Experiments.Model;
using Studies.Experiments.Yaml;

namespace Studies.Experiments.Config;

/// <summary>
/// Reads typed values out of one YAML mapping, reporting unknown keys (with "did you mean") and wrong types as
/// problems and returning null for them, so binding goes on and every problem is found in one pass.
/// </summary>
internal sealed class MappingReader
{
    private readonly ConfigMapping _map;
    private readonly ICollection<StudyProblem> _problems;

    /// <param name="where">How the section is named in messages, e.g. "study 'sst2'" or "defaults".</param>
    /// <param name="allowedKeys">Null: any key is allowed (the caller interprets the rest).</param>
    public MappingReader(ConfigMapping map, string where, IReadOnlyList<string>? allowedKeys, ICollection<StudyProblem> problems)
    {
        _map = map;
        _problems = problems;
        Where = where;
        if (allowedKeys is null)
        {
            return;
        }

        foreach (var entry in map.Entries.Where(e => !allowedKeys.Contains(e.Key.Text)))
        {
            string hint = Suggestions.Closest(entry.Key.Text, allowedKeys) is { } s ? $"did you mean '{s}'?" : "remove it or fix its spelling.";
            problems.Add(new StudyProblem(entry.Key.Location,
                $"unknown key '{entry.Key.Text}' in {where}: {hint} (allowed keys: {string.Join(", ", allowedKeys)})"));
        }
    }

    public string Where { get; }

    public SourceLocation Location => _map.Location;

    public IEnumerable<ConfigEntry> Entries => _map.Entries;

    public bool Has(string key) => _map.Find(key) is not null;

    public ConfigNode? Node(string key) => _map.Find(key)?.Value;

    /// <summary>The location of a key's value, or of the mapping when the key is absent.</summary>
    public SourceLocation ValueLocation(string key) => _map.Find(key)?.Value.Location ?? _map.Location;

    public SourceLocation KeyLocation(string key) => _map.Find(key)?.Key.Location ?? _map.Location;

    public void Problem(SourceLocation at, string message) => _problems.Add(new StudyProblem(at, message));

    /// <summary>Any scalar as text (numbers are kept as written), or null when absent, empty or not a scalar.</summary>
    public string? Text(string key, string example)
    {
        switch (Node(key))
        {
            case null:
                return null;
            case ConfigScalar { IsNull: true }:
                return null;
            case ConfigScalar s:
                return s.Text;
            case var other:
                Problem(other.Location, $"'{key}' in {Where} must be a single value, not {other.Describe()}: write e.g. {key}: {example}");
                return null;
        }
    }

    public int? Int(string key, int min, int max, string example)
    {
        if (Node(key) is not { } node || node is ConfigScalar { IsNull: true })
        {
            return null;
        }

        return ToInt(node, key, min, max, example);
    }

    public int? ToInt(ConfigNode node, string key, int min, int max, string example)
    {
        if (node is ConfigScalar s && s.AsInteger() is { } v)
        {
            if (v < min || v > max)
            {
                Problem(node.Location, $"'{key}' in {Where} must be between {min} and {max}, not {v}.");
                return null;
            }

            return (int)v;
        }

        Problem(node.Location, $"'{key}' in {Where} must be a whole number, not {node.Describe()}: write e.g. {key}: {example}");
        return null;
    }

    public double? Number(string key, double min, double max, string example)
    {
        if (Node(key) is not { } node || node is ConfigScalar { IsNull: true })
        {
            return null;
        }

        if (node is ConfigScalar s && s.AsNumber() is { } v)
        {
            if (v < min || v > max || double.IsNaN(v))
            {
                Problem(node.Location, $"'{key}' in {Where} must be between {min} and {max}, not {s.Text}.");
                return null;
            }

            return v;
        }

        Problem(node.Location, $"'{key}' in {Where} must be a number, not {node.Describe()}: write e.g. {key}: {example}");
        return null;
    }

    public bool? Bool(string key)
    {
        if (Node(key) is not { } node || node is ConfigScalar { IsNull: true })
        {
            return null;
        }

        if (node is ConfigScalar s && s.AsBool() is { } b)
        {
            return b;
        }

        Problem(node.Location, $"'{key}' in {Where} must be true or false, not {node.Describe()}.");
        return null;
    }

    /// <summary>One of a fixed set of words, with "did you mean" for a misspelling; messages list the first <paramref name="shown"/> (the rest are aliases).</summary>
    public T? Choice<T>(string key, IReadOnlyDictionary<string, T> choices, int shown = int.MaxValue)
        where T : struct
    {
        if (Text(key, choices.Keys.First()) is not { } text)
        {
            return null;
        }

        if (choices.TryGetValue(text, out var value))
        {
            return value;
        }

        Problem(ValueLocation(key),
            $"'{key}' in {Where} must be one of {string.Join(", ", choices.Keys.Take(shown))}, not '{text}'.{Suggestions.DidYouMean(text, choices.Keys.Take(shown))}");
        return null;
    }

    public ConfigMapping? Mapping(string key, string example)
    {
        switch (Node(key))
        {
            case null or ConfigScalar { IsNull: true }:
                return null;
            case ConfigMapping m:
                return m;
            case var other:
                Problem(other.Location, $"'{key}' in {Where} must be a mapping of key: value pairs, not {other.Describe()}: write e.g. {example}");
                return null;
        }
    }

    /// <summary>A list; a single scalar is accepted as a list of one when <paramref name="allowSingle"/>.</summary>
    public IReadOnlyList<ConfigNode>? List(string key, string example, bool allowSingle = false)
    {
        switch (Node(key))
        {
            case null or ConfigScalar { IsNull: true }:
                return null;
            case ConfigSequence seq:
                return seq.Items;
            case ConfigScalar s when allowSingle:
                return [s];
            case var other:
                Problem(other.Location, $"'{key}' in {Where} must be a list, not {other.Describe()}: write e.g. {key}: {example}");
                return null;
        }
    }

    public IReadOnlyList<string>? TextList(string key, string example)
    {
        if (List(key, example) is not { } items)
        {
            return null;
        }

        var result = new List<string>(items.Count);
        foreach (var item in items)
        {
            if (item is ConfigScalar { IsNull: false } s)
            {
                result.Add(s.Text);
            }
            else
            {
                Problem(item.Location, $"each entry of '{key}' in {Where} must be a single value, not {item.Describe()}.");
            }
        }

        return result;
    }
}
