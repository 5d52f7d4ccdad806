using Studies.Backends;
using Studies.Experiments.Kinds;
using Studies.Experiments.Model;
using Studies.Experiments.Yaml;

namespace Studies.Experiments.Config;

/// <summary>
/// Binds the YAML tree of a study file: <c>defaults:</c> and <c>studies:</c>. Binding never stops at the first
/// problem; a study that cannot be bound at all is left out and the rest are still checked.
/// </summary>
internal static class StudyFileBinder
{
    public static readonly IReadOnlyList<string> TopKeys = ["defaults", "studies"];

    public static readonly IReadOnlyList<string> DefaultKeys =
        ["backend", "models", "sampling", "seeds", "scoring", "max_tokens", "threads", "contexts", "limit"];

    public static readonly IReadOnlyList<string> StudyKeys =
        ["name", "kind", "dataset", "models", "labels", "seeds", "scoring", "sampling", "max_tokens", "limit", "demos", "parameters", "conditions"];

    public static readonly IReadOnlyList<string> SamplingKeys = ["temperature", "top_k", "top_p", "min_p"];

    // The long names are accepted too: the kinds' messages say "scoring: generation" / "scoring: loglikelihood".
    private static readonly Dictionary<string, ScoringMethod> Scorings = new()
    {
        ["loglik"] = ScoringMethod.LogLikelihood,
        ["generate"] = ScoringMethod.Generation,
        ["loglikelihood"] = ScoringMethod.LogLikelihood,
        ["generation"] = ScoringMethod.Generation,
    };

    public static StudyFile? Bind(ConfigNode? root, string path, string fullPath, ICollection<StudyProblem> problems)
    {
        var fileLocation = new SourceLocation(path, 1, 1);
        if (root is null or ConfigScalar { IsNull: true })
        {
            problems.Add(new StudyProblem(fileLocation, "the study file is empty: it needs a studies: list (see experiments.schema.json)."));
            return null;
        }

        if (root is not ConfigMapping map)
        {
            problems.Add(new StudyProblem(root.Location, $"a study file is a mapping with defaults: and studies:, not {root.Describe()}."));
            return null;
        }

        string baseDirectory = Path.GetDirectoryName(fullPath)!;
        var top = new MappingReader(map, "the study file", TopKeys, problems);
        var defaults = BindDefaults(top.Mapping("defaults", "defaults: {models: [TinyStories-656K]}"), baseDirectory, problems);
        var studies = new List<StudySpec>();
        if (top.List("studies", "[{name: sentiment, kind: icl, dataset: {synthetic: sentiment}}]") is { } nodes)
        {
            for (int i = 0; i < nodes.Count; i++)
            {
                if (BindStudy(nodes[i], i, defaults, baseDirectory, problems) is { } study)
                {
                    studies.Add(study);
                }
            }

            if (nodes.Count == 0)
            {
                problems.Add(new StudyProblem(top.ValueLocation("studies"), "'studies' is empty: add at least one study."));
            }
        }
        else if (!top.Has("studies"))
        {
            problems.Add(new StudyProblem(map.Location, "the study file has no 'studies:' list: add one (each study needs name, kind and dataset)."));
        }

        foreach (var group in studies.GroupBy(s => s.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            foreach (var duplicate in group.Skip(1))
            {
                problems.Add(new StudyProblem(duplicate.Definition.Location,
                    $"two studies are named '{group.Key}' (first at line {group.First().Definition.Location.Line}): study names must be unique."));
            }
        }

        return new StudyFile { Path = path, FullPath = fullPath, Defaults = defaults, Studies = studies };
    }

    private static StudyDefaults BindDefaults(ConfigMapping? map, string baseDirectory, ICollection<StudyProblem> problems)
    {
        var defaults = new StudyDefaults();
        if (map is null)
        {
            return defaults;
        }

        var r = new MappingReader(map, "defaults", DefaultKeys, problems);
        defaults = defaults with
        {
            Backend = r.Text("backend", "local") ?? defaults.Backend,
            Sampling = BindSampling(r.Mapping("sampling", "sampling: {temperature: 0.8, top_p: 0.95}"), "defaults", defaults.Sampling, problems),
            Seeds = BindSeeds(r) ?? defaults.Seeds,
            Scoring = r.Choice("scoring", Scorings, shown: 2) ?? defaults.Scoring,
            MaxTokens = r.Int("max_tokens", 1, 100_000, "48") ?? defaults.MaxTokens,
            Threads = r.Int("threads", 1, 1024, "1") ?? defaults.Threads,
            Contexts = r.Int("contexts", 1, 256, "2") ?? defaults.Contexts,
            Limit = r.Int("limit", 1, int.MaxValue, "50"),
        };

        if (r.List("models", "[TinyStories-656K, TinyStories-656K-chat]") is { } models)
        {
            defaults = defaults with { Models = ModelSpecBinder.Bind(models, "defaults", defaults, baseDirectory, problems) };
        }

        return defaults;
    }

    private static StudySpec? BindStudy(ConfigNode node, int index, StudyDefaults defaults, string baseDirectory, ICollection<StudyProblem> problems)
    {
        if (node is not ConfigMapping map)
        {
            problems.Add(new StudyProblem(node.Location, $"study #{index + 1} must be a mapping (name:, kind:, dataset:, ...), not {node.Describe()}."));
            return null;
        }

        string? name = (map.Find("name")?.Value as ConfigScalar)?.Text;
        string where = name is null ? $"study #{index + 1}" : $"study '{name}'";
        var r = new MappingReader(map, where, StudyKeys, problems);
        name = r.Text("name", "sentiment");
        string? kind = r.Text("kind", "icl");
        if (name is null)
        {
            problems.Add(new StudyProblem(map.Location, $"{where} needs a name: add name: <a short identifier> (results are grouped by it)."));
        }

        if (kind is null)
        {
            problems.Add(new StudyProblem(map.Location, $"{where} needs a kind: add kind: icl (or cot, explanations, uncertainty)."));
        }

        var dataset = DatasetSpecBinder.Bind(r.Node("dataset"), where, map.Location, baseDirectory, problems);
        var models = r.List("models", "[TinyStories-656K]") is { } modelNodes
            ? ModelSpecBinder.Bind(modelNodes, where, defaults, baseDirectory, problems)
            : defaults.Models;
        if (models.Count == 0 && !r.Has("models"))
        {
            problems.Add(new StudyProblem(map.Location, $"{where} has no models: add models: under the study or under defaults."));
        }

        var labels = r.TextList("labels", "[negative, positive]") ?? [];
        foreach (var group in labels.GroupBy(l => l).Where(g => g.Count() > 1))
        {
            problems.Add(new StudyProblem(r.ValueLocation("labels"), $"'labels' in {where} lists '{group.Key}' twice: each label once."));
        }

        var definition = new StudyDefinition
        {
            Name = name ?? $"study-{index + 1}",
            Kind = kind ?? "",
            Labels = labels,
            Seeds = BindSeeds(r) ?? defaults.Seeds,
            Scoring = r.Choice("scoring", Scorings, shown: 2) ?? defaults.Scoring,
            Sampling = BindSampling(r.Mapping("sampling", "sampling: {temperature: 0.8}"), where, defaults.Sampling, problems),
            MaxTokens = r.Int("max_tokens", 1, 100_000, "48") ?? defaults.MaxTokens,
            Parameters = r.Mapping("parameters", "parameters: {samples: 10}") is { } p
                ? ParameterBinder.Bind(p.Entries, $"'parameters' of {where}", problems)
                : new Dictionary<string, object?>(),
            Conditions = r.List("conditions", "[{type: zero_shot}]") is { } c
                ? ConditionBinder.Bind(c, name ?? where, problems)
                : [],
            Location = map.Location,
        };

        if (name is null || kind is null || dataset is null)
        {
            return null;
        }

        return new StudySpec
        {
            Definition = definition,
            Dataset = dataset,
            Demos = DatasetSpecBinder.BindDemos(r.Node("demos"), where, baseDirectory, problems),
            Models = models,
            Limit = r.Int("limit", 1, int.MaxValue, "50") ?? defaults.Limit,
            KindLocation = r.ValueLocation("kind"),
            LabelsLocation = r.Has("labels") ? r.ValueLocation("labels") : SourceLocation.None,
        };
    }

    private static IReadOnlyList<int>? BindSeeds(MappingReader r)
    {
        if (r.List("seeds", "[0, 1, 2]", allowSingle: true) is not { } nodes)
        {
            return null;
        }

        var seeds = nodes.Select(n => r.ToInt(n, "seeds", int.MinValue, int.MaxValue, "[0, 1, 2]")).OfType<int>().ToList();
        if (nodes.Count == 0)
        {
            r.Problem(r.ValueLocation("seeds"), $"'seeds' in {r.Where} is empty: give at least one seed, e.g. seeds: [0]");
        }

        if (seeds.Distinct().Count() != seeds.Count)
        {
            r.Problem(r.ValueLocation("seeds"), $"'seeds' in {r.Where} repeats a seed: each seed once.");
        }

        return seeds;
    }

    private static SamplingSettings BindSampling(ConfigMapping? map, string where, SamplingSettings inherited, ICollection<StudyProblem> problems)
    {
        if (map is null)
        {
            return inherited;
        }

        // Per-key merge: a study that sets only temperature keeps the defaults' top_p.
        var r = new MappingReader(map, $"'sampling' of {where}", SamplingKeys, problems);
        return inherited with
        {
            Temperature = (float?)r.Number("temperature", 0, 100, "0.8") ?? inherited.Temperature,
            TopK = r.Int("top_k", 0, 1_000_000, "40") ?? inherited.TopK,
            TopP = (float?)r.Number("top_p", 0, 1, "0.95") ?? inherited.TopP,
            MinP = (float?)r.Number("min_p", 0, 1, "0.05") ?? inherited.MinP,
        };
    }
}
