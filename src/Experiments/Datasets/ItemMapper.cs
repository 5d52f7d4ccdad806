using System.Text;
using Studies.Experiments.Config;
using Studies.Experiments.Kinds;
using Studies.Experiments.Model;

namespace Studies.Experiments.Datasets;

/// <summary>
/// Applies a <see cref="FieldMapping"/> to rows. Prepared once per file against the fields the file has, so a mapped
/// field that does not exist is one problem (with the available fields), not one per row.
/// </summary>
internal sealed class ItemMapper
{
    private static readonly Dictionary<string, string[]> Fallbacks = new()
    {
        ["id"] = ["id", "idx", "uid"],
        ["input"] = ["input", "text", "sentence", "question"],
        ["label"] = ["label"],
        ["answer"] = ["answer", "target"],
        ["choices"] = ["choices", "options"],
        ["explanation"] = ["explanation", "rationale"],
        ["context"] = ["context", "story", "passage"],
    };

    private readonly Dictionary<string, Source> _sources = new(StringComparer.Ordinal);
    private readonly Source[] _choices;
    private readonly IReadOnlyList<KeyValuePair<string, string>> _labelMap;

    private ItemMapper(Dictionary<string, Source> sources, Source[] choices, IReadOnlyList<KeyValuePair<string, string>> labelMap)
    {
        _sources = sources;
        _choices = choices;
        _labelMap = labelMap;
    }

    /// <summary>Null when the mapping cannot work with these fields (the problems say why).</summary>
    public static ItemMapper? Prepare(DatasetSpec spec, IReadOnlyCollection<string> available, string where, ICollection<StudyProblem> problems)
    {
        var fields = spec.Fields;
        var sources = new Dictionary<string, Source>(StringComparer.Ordinal);
        bool ok = true;
        foreach (var (property, mapped) in new[]
                 {
                     ("id", fields.Id), ("input", fields.Input), ("label", fields.Label), ("answer", fields.Answer),
                     ("explanation", fields.Explanation), ("context", fields.Context),
                 })
        {
            if (mapped is not null)
            {
                if (Source.Parse(mapped, property, available, Where(spec, property), problems) is { } s)
                {
                    sources[property] = s;
                }
                else
                {
                    ok = false;
                }
            }
            else if (Fallbacks[property].FirstOrDefault(available.Contains) is { } fallback)
            {
                sources[property] = Source.Field(fallback);
            }
        }

        var choices = new List<Source>();
        var choiceFields = fields.Choices.Count > 0 ? fields.Choices
            : Fallbacks["choices"].FirstOrDefault(available.Contains) is { } c ? [c] : [];
        foreach (string field in choiceFields)
        {
            if (Source.Parse(field, "choices", available, Where(spec, "choices"), problems) is { } s)
            {
                choices.Add(s);
            }
            else
            {
                ok = false;
            }
        }

        if (!sources.ContainsKey("input") && fields.Input is null)
        {
            problems.Add(new StudyProblem(spec.Location,
                $"no input field in the dataset of {where}: map one with fields: {{input: <field>}} (available fields: {string.Join(", ", available)})."));
            ok = false;
        }

        return ok ? new ItemMapper(sources, [.. choices], spec.LabelMap) : null;

        SourceLocation Where(DatasetSpec d, string property) =>
            d.Fields.Locations.TryGetValue(property, out var at) ? at : d.Location;
    }

    public StudyItem? Map(DatasetRow row, RowProblems problems)
    {
        string? input = Get("input", row);
        if (string.IsNullOrWhiteSpace(input))
        {
            problems.Add(row.Line, $"row {row.Number}: the input ({_sources["input"]}) is empty or missing: fill it in or remove the row.");
            return null;
        }

        string? label = Get("label", row);
        if (label is not null && _labelMap.Count > 0)
        {
            int i = IndexOf(_labelMap, label);
            if (i < 0)
            {
                problems.Add(row.Line, $"row {row.Number}: the label '{label}' has no entry in label_map ({string.Join(", ", _labelMap.Select(p => p.Key))}): add it there or fix the row.");
                return null;
            }

            label = _labelMap[i].Value;
        }

        var choices = new List<string>();
        foreach (var source in _choices)
        {
            switch (source.Read(row))
            {
                case IReadOnlyList<string> list:
                    choices.AddRange(list);
                    break;
                case string s when s.Length > 0:
                    choices.Add(s);
                    break;
            }
        }

        string? answer = Get("answer", row);
        if (answer is not null && choices.Count > 0)
        {
            answer = AsLetter(answer, choices);
        }

        string id = Get("id", row) is { Length: > 0 } given ? given : $"row-{row.Number}";
        return new StudyItem
        {
            Id = id,
            Input = input.Trim(),
            Label = Blank(label),
            Answer = Blank(answer),
            Choices = choices,
            Explanation = Blank(Get("explanation", row)),
            Context = Blank(Get("context", row)),
        };
    }

    /// <summary>Multiple-choice answers are option letters; an answer written as an option's text becomes its letter.</summary>
    private static string AsLetter(string answer, List<string> choices)
    {
        string trimmed = answer.Trim();
        if (trimmed.Length == 1 && trimmed[0] - 'A' is var k && k >= 0 && k < choices.Count)
        {
            return trimmed;
        }

        int i = choices.FindIndex(c => string.Equals(c.Trim(), trimmed, StringComparison.OrdinalIgnoreCase));
        return i >= 0 ? ((char)('A' + i)).ToString() : answer;
    }

    private static int IndexOf(IReadOnlyList<KeyValuePair<string, string>> map, string key)
    {
        for (int i = 0; i < map.Count; i++)
        {
            if (map[i].Key == key)
            {
                return i;
            }
        }

        return -1;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;

    private string? Get(string property, DatasetRow row) =>
        _sources.TryGetValue(property, out var s) ? s.Read(row) switch
        {
            string text => text,
            IReadOnlyList<string> list => string.Join(", ", list),
            _ => null,
        } : null;

    /// <summary>A field, or a template over fields ("{premise} Question: {hypothesis}").</summary>
    private sealed class Source
    {
        private readonly string? _field;
        private readonly (string Text, bool IsField)[] _parts = [];
        private readonly string _written;

        private Source(string written, string? field, (string, bool)[] parts)
        {
            _written = written;
            _field = field;
            _parts = parts;
        }

        public static Source Field(string name) => new(name, name, []);

        public static Source? Parse(string written, string property, IReadOnlyCollection<string> available, SourceLocation at, ICollection<StudyProblem> problems)
        {
            if (!written.Contains('{'))
            {
                if (available.Contains(written))
                {
                    return Field(written);
                }

                problems.Add(new StudyProblem(at, Missing(written, property, available)));
                return null;
            }

            var parts = new List<(string, bool)>();
            int pos = 0;
            bool ok = true;
            while (pos < written.Length)
            {
                int open = written.IndexOf('{', pos);
                int close = open < 0 ? -1 : written.IndexOf('}', open);
                if (open < 0 || close < 0)
                {
                    parts.Add((written[pos..], false));
                    break;
                }

                parts.Add((written[pos..open], false));
                string name = written[(open + 1)..close];
                if (!available.Contains(name))
                {
                    problems.Add(new StudyProblem(at, Missing(name, property, available)));
                    ok = false;
                }

                parts.Add((name, true));
                pos = close + 1;
            }

            return ok ? new Source(written, null, [.. parts]) : null;
        }

        public object? Read(DatasetRow row)
        {
            if (_field is not null)
            {
                return row.Fields.GetValueOrDefault(_field);
            }

            var sb = new StringBuilder();
            foreach (var (text, isField) in _parts)
            {
                sb.Append(isField ? row.Fields.GetValueOrDefault(text) switch
                {
                    string s => s,
                    IReadOnlyList<string> list => string.Join(", ", list),
                    _ => "",
                } : text);
            }

            return sb.ToString();
        }

        public override string ToString() => _field is not null ? $"field '{_field}'" : $"template \"{_written}\"";

        private static string Missing(string field, string property, IReadOnlyCollection<string> available) =>
            $"the field '{field}' (mapped to {property}) is not in the data.{Suggestions.DidYouMean(field, available)} Available fields: {string.Join(", ", available)}.";
    }
}
