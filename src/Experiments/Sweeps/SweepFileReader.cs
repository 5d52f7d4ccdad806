using System.Text;
using Studies.Experiments.Config;
using Studies.Experiments.Kinds;
using Studies.Experiments.Model;
using Studies.Experiments.Yaml;

namespace Studies.Experiments.Sweeps;

/// <summary>
/// Reads a sweep file: <c>name</c>, the base studies (<c>study_file:</c>, or <c>defaults:</c> + <c>studies:</c> inline)
/// and <c>grid:</c> (a mapping, or a list of mappings whose points are united). Problems come back as data with
/// file:line:column, like the study file's.
/// </summary>
public static class SweepFileReader
{
    public static readonly IReadOnlyList<string> TopKeys = ["name", "study_file", "defaults", "studies", "grid"];

    /// <param name="relativeTo">
    /// The folder relative paths (study_file, inline datasets and models) resolve against; null = the file's own folder.
    /// Queued sweep files pass the main sweep file's folder: they sit in the state folder, away from the studies.
    /// </param>
    public static (SweepDefinition? Sweep, IReadOnlyList<StudyProblem> Problems) Read(string path, string? relativeTo = null)
    {
        string text;
        try
        {
            text = File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, [new StudyProblem(new SourceLocation(path, 0, 0), $"the sweep file cannot be read ({e.Message}): check the path (looked at {Path.GetFullPath(path)}).")]);
        }

        return Parse(text, path, relativeTo);
    }

    public static (SweepDefinition? Sweep, IReadOnlyList<StudyProblem> Problems) Parse(string text, string path, string? relativeTo = null)
    {
        var problems = new List<StudyProblem>();
        var root = YamlTreeReader.Read(text, path, problems);
        if (root is not ConfigMapping map)
        {
            if (problems.Count == 0)
            {
                problems.Add(new StudyProblem(root?.Location ?? new SourceLocation(path, 1, 1),
                    "a sweep file is a mapping with study_file: (or studies:) and grid: (see sweep.yaml)."));
            }

            return (null, problems);
        }

        var top = new MappingReader(map, "the sweep file", TopKeys, problems);
        string fullPath = Path.GetFullPath(path);
        string directory = relativeTo is null ? Path.GetDirectoryName(fullPath)! : Path.GetFullPath(relativeTo);
        string name = top.Text("name", "my-sweep") ?? Path.GetFileNameWithoutExtension(fullPath);
        var baseStudies = BaseStudies(top, map, directory, problems, out string? studyFile);
        var grids = Grids(top, map, problems);
        if (baseStudies is null || problems.Count > 0)
        {
            return (null, problems);
        }

        return (new SweepDefinition
        {
            Path = path,
            Name = name,
            StudyFile = studyFile,
            BaseDirectory = studyFile is null ? directory : Path.GetDirectoryName(studyFile)!,
            BaseStudies = baseStudies,
            Grids = grids,
        }, problems);
    }

    private static ConfigMapping? BaseStudies(MappingReader top, ConfigMapping map, string directory, List<StudyProblem> problems, out string? studyFile)
    {
        studyFile = null;
        bool inline = top.Has("studies");
        if (top.Text("study_file", "experiments.yaml") is { } file)
        {
            if (inline || top.Has("defaults"))
            {
                problems.Add(new StudyProblem(top.KeyLocation("study_file"),
                    "the sweep names a study_file and also has studies:/defaults: inline: keep one of them."));
                return null;
            }

            studyFile = Path.GetFullPath(Path.Combine(directory, file));
            string text;
            try
            {
                text = File.ReadAllText(studyFile, Encoding.UTF8);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                problems.Add(new StudyProblem(top.ValueLocation("study_file"), $"the base study file {studyFile} cannot be read ({e.Message}): check study_file."));
                return null;
            }

            var root = YamlTreeReader.Read(text, studyFile, problems);
            if (root is ConfigMapping studies && studies.Find("studies")?.Value is ConfigSequence)
            {
                return studies;
            }

            problems.Add(new StudyProblem(root?.Location ?? new SourceLocation(studyFile, 1, 1),
                "the base study file needs a studies: list (see experiments.schema.json)."));
            return null;
        }

        if (!inline)
        {
            problems.Add(new StudyProblem(map.Location, "the sweep has no studies: add study_file: experiments.yaml, or studies: (and defaults:) inline."));
            return null;
        }

        if (top.Node("studies") is not ConfigSequence)
        {
            problems.Add(new StudyProblem(top.ValueLocation("studies"), "studies: must be a list of studies, as in a study file."));
            return null;
        }

        return new ConfigMapping(map.Entries.Where(e => e.Key.Text is "defaults" or "studies").ToList(), map.Location);
    }

    private static List<SweepGrid> Grids(MappingReader top, ConfigMapping map, List<StudyProblem> problems)
    {
        var grids = new List<SweepGrid>();
        switch (top.Node("grid"))
        {
            case null:
            case ConfigScalar { IsNull: true }:
                // No grid: one point per base study, as written.
                grids.Add(new SweepGrid { Location = map.Location });
                break;
            case ConfigMapping one:
                grids.Add(Grid(one, problems));
                break;
            case ConfigSequence many:
                foreach (var node in many.Items)
                {
                    if (node is ConfigMapping grid)
                    {
                        grids.Add(Grid(grid, problems));
                    }
                    else
                    {
                        problems.Add(new StudyProblem(node.Location, $"each grid in grid: must be a mapping of axes (seeds: [0, 1], shots: [0, 4]), not {node.Describe()}."));
                    }
                }

                break;
            case var other:
                problems.Add(new StudyProblem(other.Location, $"grid: must be a mapping of axes (or a list of them), not {other.Describe()}."));
                break;
        }

        return grids;
    }

    private static SweepGrid Grid(ConfigMapping map, List<StudyProblem> problems)
    {
        IReadOnlyList<ConfigScalar>? studies = null;
        IReadOnlyList<ConfigSequence>? models = null;
        IReadOnlyList<ConfigScalar>? seeds = null;
        var parameters = new List<SweepAxis>();
        foreach (var entry in map.Entries)
        {
            string key = entry.Key.Text;
            switch (key)
            {
                case "studies":
                    studies = Scalars(entry, problems, "[sentiment, colors]");
                    break;
                case "models":
                    models = ModelSets(entry, problems);
                    break;
                case "seeds":
                    seeds = Scalars(entry, problems, "[0, 1, 2]");
                    foreach (var seed in seeds ?? [])
                    {
                        if (seed.AsInteger() is not { } s || s < int.MinValue || s > int.MaxValue)
                        {
                            problems.Add(new StudyProblem(seed.Location, $"a seed must be a whole number, not {seed.Describe()}."));
                        }
                    }

                    break;
                default:
                    if (Scalars(entry, problems, "[0, 4, 8]") is { } values)
                    {
                        parameters.Add(new SweepAxis(key, values, entry.Key.Location));
                    }

                    break;
            }
        }

        return new SweepGrid { Studies = studies, Models = models, Seeds = seeds, Parameters = parameters, Location = map.Location };
    }

    /// <summary>A scalar or a non-empty list of distinct scalars.</summary>
    private static IReadOnlyList<ConfigScalar>? Scalars(ConfigEntry entry, List<StudyProblem> problems, string example)
    {
        var values = entry.Value switch
        {
            ConfigScalar { IsNull: false } one => [one],
            ConfigSequence list when list.Items.All(i => i is ConfigScalar { IsNull: false }) => list.Items.Cast<ConfigScalar>().ToList(),
            _ => (List<ConfigScalar>?)null,
        };
        if (values is null || values.Count == 0)
        {
            problems.Add(new StudyProblem(entry.Value.Location, $"grid axis '{entry.Key.Text}' must be a value or a non-empty list of values, e.g. {entry.Key.Text}: {example}"));
            return null;
        }

        foreach (var group in values.GroupBy(v => v.Text, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add(new StudyProblem(group.Skip(1).First().Location, $"grid axis '{entry.Key.Text}' lists '{group.Key}' twice: each value once."));
        }

        return values;
    }

    /// <summary>Each entry is one run's models: a name or mapping is a single model, a list is a set (e.g. a base/assistant pair).</summary>
    private static IReadOnlyList<ConfigSequence>? ModelSets(ConfigEntry entry, List<StudyProblem> problems)
    {
        if (entry.Value is not ConfigSequence list || list.Items.Count == 0)
        {
            problems.Add(new StudyProblem(entry.Value.Location,
                "grid axis 'models' must be a list whose entries are one run's models, e.g. models: [[stories260K, stories260K-chat], [TinyStories-656K]]"));
            return null;
        }

        var sets = new List<ConfigSequence>();
        foreach (var item in list.Items)
        {
            switch (item)
            {
                case ConfigSequence { Items.Count: > 0 } set:
                    sets.Add(set);
                    break;
                case ConfigScalar { IsNull: false } or ConfigMapping:
                    sets.Add(new ConfigSequence([item], item.Location));
                    break;
                default:
                    problems.Add(new StudyProblem(item.Location, $"a models entry must be a model (a name or mapping) or a list of models, not {item.Describe()}."));
                    break;
            }
        }

        return sets;
    }
}
