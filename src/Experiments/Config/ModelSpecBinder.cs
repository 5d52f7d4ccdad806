using Studies.Experiments.Kinds;
using Studies.Experiments.Model;
using Studies.Experiments.Yaml;

namespace Studies.Experiments.Config;

/// <summary>Binds a <c>models:</c> list: each entry a name ("TinyStories-656K") or a mapping.</summary>
internal static class ModelSpecBinder
{
    public static readonly IReadOnlyList<string> Keys =
        ["name", "path", "alias", "role", "chat_template", "backend", "url", "model", "api_key_env", "threads", "contexts", "concurrency"];

    private static readonly Dictionary<string, ModelRole> Roles = new() { ["base"] = ModelRole.Base, ["assistant"] = ModelRole.Assistant };

    public static IReadOnlyList<ModelSpec> Bind(IReadOnlyList<ConfigNode> nodes, string where, StudyDefaults defaults, string baseDirectory, ICollection<StudyProblem> problems)
    {
        var models = new List<ModelSpec>();
        foreach (var node in nodes)
        {
            if (Bind(node, where, defaults, baseDirectory, problems) is { } spec)
            {
                models.Add(spec);
            }
        }

        foreach (var group in models.GroupBy(m => m.DisplayName, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            foreach (var duplicate in group.Skip(1))
            {
                problems.Add(new StudyProblem(duplicate.Location,
                    $"{where} names the model '{group.Key}' twice: remove one, or give each an alias: so results can tell them apart."));
            }
        }

        return models;
    }

    private static ModelSpec? Bind(ConfigNode node, string where, StudyDefaults defaults, string baseDirectory, ICollection<StudyProblem> problems)
    {
        var spec = new ModelSpec { Backend = defaults.Backend, Threads = defaults.Threads, Contexts = defaults.Contexts, Location = node.Location, SearchDirectory = baseDirectory };
        if (node is ConfigScalar { IsNull: false } shorthand)
        {
            return spec with { Name = shorthand.Text };
        }

        if (node is not ConfigMapping map)
        {
            problems.Add(new StudyProblem(node.Location,
                $"each model in {where} must be a name or a mapping such as {{name: TinyStories-656K-chat, role: assistant}}, not {node.Describe()}."));
            return null;
        }

        var r = new MappingReader(map, $"a model of {where}", Keys, problems);
        string? path = r.Text("path", "models/my-model.gguf");
        spec = spec with
        {
            Name = r.Text("name", "TinyStories-656K"),
            Path = path is null ? null : Path.GetFullPath(Path.Combine(baseDirectory, path)),
            Alias = r.Text("alias", "tiny-base"),
            Role = r.Choice("role", Roles),
            ChatTemplate = r.Text("chat_template", "chatml"),
            Backend = r.Text("backend", "local") ?? defaults.Backend,
            Url = r.Text("url", "http://localhost:8080/v1"),
            RemoteModel = r.Text("model", "gpt-4o-mini"),
            ApiKeyEnv = r.Text("api_key_env", "OPENAI_API_KEY"),
            Threads = r.Int("threads", 1, 1024, "1") ?? defaults.Threads,
            Contexts = r.Int("contexts", 1, 256, "2") ?? defaults.Contexts,
            Concurrency = r.Int("concurrency", 1, 4096, "4"),
        };

        if (spec.Name is null && spec.Path is null && spec.RemoteModel is null)
        {
            problems.Add(new StudyProblem(map.Location,
                $"a model of {where} needs a name: (found on the model search path) or a path: to a .gguf file."));
            return null;
        }

        if (spec.Name is not null && spec.Path is not null)
        {
            problems.Add(new StudyProblem(r.KeyLocation("path"),
                $"a model of {where} has both name: and path: — keep one (use alias: to rename a model given by path)."));
        }

        return spec;
    }
}
