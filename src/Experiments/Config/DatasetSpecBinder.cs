using Studies.Experiments.Kinds;
using Studies.Experiments.Model;
using Studies.Experiments.Yaml;

namespace Studies.Experiments.Config;

/// <summary>Binds <c>dataset:</c> (a file path, or a mapping) and <c>demos:</c> (a pool size, or a mapping).</summary>
internal static class DatasetSpecBinder
{
    public static readonly IReadOnlyList<string> Keys = ["file", "format", "fields", "label_map", "synthetic", "size", "seed", "choices", "shuffle"];

    public static readonly IReadOnlyList<string> FieldKeys = ["id", "input", "label", "answer", "choices", "explanation", "context"];

    public static readonly IReadOnlyList<string> DemoKeys = ["size", "file"];

    public static DatasetSpec? Bind(ConfigNode? node, string where, SourceLocation studyLocation, string baseDirectory, ICollection<StudyProblem> problems)
    {
        switch (node)
        {
            case null or ConfigScalar { IsNull: true }:
                problems.Add(new StudyProblem(studyLocation,
                    $"{where} has no dataset: add dataset: path/to/file.jsonl, or dataset: {{synthetic: sentiment, size: 60, seed: 1}}."));
                return null;
            case ConfigScalar file:
                return new DatasetSpec
                {
                    File = file.Text,
                    FullPath = Path.GetFullPath(Path.Combine(baseDirectory, file.Text)),
                    Location = file.Location,
                    FileLocation = file.Location,
                };
            case ConfigMapping map:
                return BindMapping(map, where, baseDirectory, problems);
            default:
                problems.Add(new StudyProblem(node.Location, $"'dataset' in {where} must be a file path or a mapping, not {node.Describe()}."));
                return null;
        }
    }

    public static DemoSpec BindDemos(ConfigNode? node, string where, string baseDirectory, ICollection<StudyProblem> problems)
    {
        switch (node)
        {
            case null or ConfigScalar { IsNull: true }:
                return new DemoSpec();
            case ConfigScalar s when s.AsInteger() is { } size && size is >= 0 and <= 1_000_000:
                return new DemoSpec { Size = (int)size, Location = s.Location };
            case ConfigMapping map:
                var r = new MappingReader(map, $"'demos' of {where}", DemoKeys, problems);
                string? file = r.Text("file", "train.jsonl");
                return new DemoSpec
                {
                    Size = r.Int("size", 0, 1_000_000, "16"),
                    File = file,
                    FullPath = file is null ? null : Path.GetFullPath(Path.Combine(baseDirectory, file)),
                    Location = map.Location,
                    FileLocation = r.ValueLocation("file"),
                };
            default:
                problems.Add(new StudyProblem(node.Location,
                    $"'demos' in {where} must be a pool size (demos: 16) or a mapping (demos: {{file: train.jsonl, size: 100}}), not {node.Describe()}."));
                return new DemoSpec();
        }
    }

    private static DatasetSpec? BindMapping(ConfigMapping map, string where, string baseDirectory, ICollection<StudyProblem> problems)
    {
        var r = new MappingReader(map, $"the dataset of {where}", Keys, problems);
        string? file = r.Text("file", "data/items.jsonl");
        string? synthetic = r.Text("synthetic", "sentiment");
        if (file is null == synthetic is null)
        {
            problems.Add(new StudyProblem(map.Location, file is null
                ? $"the dataset of {where} needs either file: (a JSONL/CSV file) or synthetic: (a built-in generator)."
                : $"the dataset of {where} has both file: and synthetic: — keep one."));
            return null;
        }

        if (file is not null)
        {
            foreach (string key in new[] { "size", "choices" }.Where(r.Has))
            {
                problems.Add(new StudyProblem(r.KeyLocation(key), $"'{key}' applies to synthetic datasets only: remove it from the dataset of {where}."));
            }
        }

        return new DatasetSpec
        {
            File = file,
            FullPath = file is null ? null : Path.GetFullPath(Path.Combine(baseDirectory, file)),
            Format = r.Text("format", "jsonl")?.ToLowerInvariant(),
            Fields = BindFields(r.Mapping("fields", "fields: {input: sentence, label: label}"), where, problems),
            LabelMap = BindLabelMap(r.Mapping("label_map", "label_map: {0: negative, 1: positive}"), where, problems),
            Synthetic = synthetic,
            Size = r.Int("size", 1, 1_000_000, "60") ?? 60,
            Seed = r.Int("seed", int.MinValue, int.MaxValue, "1") ?? 0,
            Choices = r.Int("choices", 2, 8, "3") ?? 0,
            Shuffle = r.Bool("shuffle") ?? true,
            Location = map.Location,
            FileLocation = r.ValueLocation(file is null ? "synthetic" : "file"),
            LabelMapLocation = r.ValueLocation("label_map"),
        };
    }

    private static FieldMapping BindFields(ConfigMapping? map, string where, ICollection<StudyProblem> problems)
    {
        if (map is null)
        {
            return new FieldMapping();
        }

        var r = new MappingReader(map, $"'fields' of the dataset of {where}", FieldKeys, problems);
        var locations = map.Entries.ToDictionary(e => e.Key.Text, e => e.Value.Location, StringComparer.Ordinal);
        return new FieldMapping
        {
            Id = r.Text("id", "idx"),
            Input = r.Text("input", "sentence"),
            Label = r.Text("label", "label"),
            Answer = r.Text("answer", "answer"),
            Choices = r.List("choices", "[option_a, option_b]", allowSingle: true) is { } choices
                ? choices.OfType<ConfigScalar>().Select(s => s.Text).ToArray()
                : [],
            Explanation = r.Text("explanation", "explanation"),
            Context = r.Text("context", "story"),
            Locations = locations,
        };
    }

    private static IReadOnlyList<KeyValuePair<string, string>> BindLabelMap(ConfigMapping? map, string where, ICollection<StudyProblem> problems)
    {
        if (map is null)
        {
            return [];
        }

        var result = new List<KeyValuePair<string, string>>();
        foreach (var entry in map.Entries)
        {
            if (entry.Value is ConfigScalar { IsNull: false } value)
            {
                result.Add(new(entry.Key.Text, value.Text));
            }
            else
            {
                problems.Add(new StudyProblem(entry.Value.Location,
                    $"each entry of 'label_map' in the dataset of {where} maps a raw label to a label (0: negative), not to {entry.Value.Describe()}."));
            }
        }

        return result;
    }
}
