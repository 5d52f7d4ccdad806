using Studies.Backends.Catalog;
using Studies.Experiments.Yaml;

namespace Studies.Experiments.Sweeps;

/// <summary>
/// Makes an expanded study self-contained wherever it is written (the state folder): dataset and demo files and model
/// paths become absolute, and local models given by name are resolved on the model search path as the base study file
/// would see it (its folder, then the current one) and written as path + alias, so results keep the name.
/// A name that cannot be resolved is left as is: the engine reports it when the run is validated.
/// </summary>
internal sealed class StudyPaths(string baseDirectory)
{
    private readonly ModelCatalog _catalog = new(
        ModelCatalog.Default(baseDirectory).SearchPath.Concat(ModelCatalog.Default().SearchPath).Distinct().ToArray());

    private bool _remoteByDefault;

    public ConfigMapping Resolve(ConfigMapping document)
    {
        _remoteByDefault = document.Find("defaults")?.Value is ConfigMapping d && d.Text("backend") is { } backend && backend != "local";
        if (document.Find("defaults")?.Value is ConfigMapping defaults && defaults.Find("models")?.Value is ConfigSequence defaultModels)
        {
            document = document.With("defaults", defaults.With("models", Models(defaultModels)));
        }

        if (document.Find("studies")?.Value is ConfigSequence studies)
        {
            document = document.With("studies", new ConfigSequence(studies.Items.Select(Study).ToList(), studies.Location));
        }

        return document;
    }

    private ConfigNode Study(ConfigNode node)
    {
        if (node is not ConfigMapping study)
        {
            return node;
        }

        if (study.Find("models")?.Value is ConfigSequence models)
        {
            study = study.With("models", Models(models));
        }

        foreach (string section in new[] { "dataset", "demos" })
        {
            if (study.Find(section)?.Value is ConfigMapping map && map.Find("file")?.Value is ConfigScalar { IsNull: false } file)
            {
                study = study.With(section, map.With("file", file with { Text = Absolute(file.Text) }));
            }
        }

        return study;
    }

    private ConfigSequence Models(ConfigSequence models) => models with { Items = models.Items.Select(Model).ToList() };

    private ConfigNode Model(ConfigNode node)
    {
        if (_remoteByDefault && (node is not ConfigMapping m || m.Text("backend") is not "local"))
        {
            return node;
        }

        switch (node)
        {
            case ConfigScalar { IsNull: false } name:
                return (ConfigNode?)FromName(ConfigEdits.Map(), name) ?? name;
            case ConfigMapping map when IsRemote(map):
                return map;
            case ConfigMapping map when map.Find("path")?.Value is ConfigScalar { IsNull: false } path:
                return map.With("path", path with { Text = Absolute(path.Text) });
            case ConfigMapping map when map.Find("name")?.Value is ConfigScalar { IsNull: false } name:
                return (ConfigNode?)FromName(map.Without("name"), name) ?? map;
            default:
                return node;
        }
    }

    private ConfigMapping? FromName(ConfigMapping rest, ConfigScalar name)
    {
        if (_catalog.TryResolve(name.Text) is not { } file)
        {
            return null;
        }

        var entries = new List<ConfigEntry> { new(ConfigEdits.Plain("path"), ConfigEdits.Plain(file)) };
        if (rest.Find("alias") is null)
        {
            entries.Add(new ConfigEntry(ConfigEdits.Plain("alias"), name));
        }

        return new ConfigMapping([.. entries, .. rest.Entries], name.Location);
    }

    private string Absolute(string path) => Path.GetFullPath(Path.Combine(baseDirectory, path));

    private static bool IsRemote(ConfigMapping model) =>
        model.Text("backend") is { } b ? b != "local" : model.Find("url") is not null;
}
