using System.Security.Cryptography;
using System.Text;
using Studies.Experiments.Config;
using Studies.Experiments.Kinds;
using Studies.Experiments.Model;
using Studies.Experiments.Yaml;

namespace Studies.Experiments.Sweeps;

/// <summary>
/// Expands a sweep into its points: per grid, studies × model sets × seeds × parameter values. Each point is the base
/// study with the point's values written in, alone in a study file; its id hashes that text, so unchanged points of
/// an edited sweep keep their runs. Where a value goes: a name the study already uses as a kind parameter (in its
/// parameters: or a condition) and any other unknown name (shots, samples, p, ...) into the study's parameters: — and
/// out of its conditions, so the sweep's value is the one used; else temperature / top_k / top_p / min_p into
/// sampling:, max_tokens / limit / scoring onto the study; a dotted name ("dataset.size") to that path.
/// </summary>
public static class SweepExpander
{
    private static readonly string[] SamplingKeys = ["temperature", "top_k", "top_p", "min_p"];
    private static readonly string[] StudyKeys = ["max_tokens", "limit", "scoring"];

    public static (IReadOnlyList<SweepPoint> Points, IReadOnlyList<StudyProblem> Problems) Expand(SweepDefinition sweep)
    {
        var problems = new List<StudyProblem>();
        var defaults = sweep.BaseStudies.Find("defaults")?.Value as ConfigMapping;
        var studies = ((ConfigSequence)sweep.BaseStudies.Find("studies")!.Value).Items.OfType<ConfigMapping>()
            .Where(s => s.Text("name") is not null)
            .ToList();
        var names = studies.Select(s => s.Text("name")!).ToList();
        var paths = new StudyPaths(sweep.BaseDirectory);
        var points = new List<SweepPoint>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var grid in sweep.Grids)
        {
            var chosen = new List<ConfigMapping>();
            foreach (var name in grid.Studies ?? names.Select(ConfigEdits.Plain).ToList())
            {
                int at = names.IndexOf(name.Text);
                if (at < 0)
                {
                    problems.Add(new StudyProblem(name.Location,
                        $"the base studies have no study '{name.Text}'.{Suggestions.DidYouMean(name.Text, names)} (studies: {string.Join(", ", names)})"));
                    continue;
                }

                chosen.Add(studies[at]);
            }

            foreach (var point in Points(sweep, grid, defaults, chosen, paths))
            {
                if (seen.Add(point.Id))
                {
                    points.Add(point);
                }
            }
        }

        return (points, problems);
    }

    private static IEnumerable<SweepPoint> Points(SweepDefinition sweep, SweepGrid grid, ConfigMapping? defaults, List<ConfigMapping> studies, StudyPaths paths)
    {
        var modelSets = grid.Models?.Cast<ConfigSequence?>().ToList() ?? [null];
        var seeds = grid.Seeds?.Cast<ConfigScalar?>().ToList() ?? [null];
        foreach (var study in studies)
        {
            foreach (var models in modelSets)
            {
                foreach (var seed in seeds)
                {
                    foreach (var values in Product(grid.Parameters, 0))
                    {
                        yield return Point(sweep, defaults, study, models, seed, values, paths);
                    }
                }
            }
        }
    }

    /// <summary>Every combination of the axes' values, the first axis varying slowest.</summary>
    private static IEnumerable<List<(string Name, ConfigScalar Value)>> Product(IReadOnlyList<SweepAxis> axes, int index)
    {
        if (index == axes.Count)
        {
            yield return [];
            yield break;
        }

        foreach (var value in axes[index].Values)
        {
            foreach (var rest in Product(axes, index + 1))
            {
                rest.Insert(0, (axes[index].Name, value));
                yield return rest;
            }
        }
    }

    private static SweepPoint Point(SweepDefinition sweep, ConfigMapping? defaults, ConfigMapping study, ConfigSequence? models, ConfigScalar? seed,
        List<(string Name, ConfigScalar Value)> values, StudyPaths paths)
    {
        if (models is not null)
        {
            study = study.With("models", models);
            defaults = defaults?.Without("models");
        }

        if (seed is not null)
        {
            study = study.With("seeds", new ConfigSequence([seed], seed.Location));
        }

        foreach (var (name, value) in values)
        {
            study = Apply(study, name, value);
        }

        var document = defaults is { Entries.Count: > 0 }
            ? ConfigEdits.Map(("defaults", defaults), ("studies", new ConfigSequence([study], study.Location)))
            : ConfigEdits.Map(("studies", new ConfigSequence([study], study.Location)));

        // The id hashes the point as written (relative paths, model names), so it does not depend on where the sweep runs.
        string canonical = ConfigYamlWriter.Write(document);
        string studyName = study.Text("name")!;
        string id = $"{Slug(studyName)}-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))[..12]}";
        var resolved = paths.Resolve(document);
        var modelNodes = (study.Find("models")?.Value ?? defaults?.Find("models")?.Value) as ConfigSequence;
        string defaultBackend = defaults?.Text("backend") ?? "local";
        var point = new SweepPoint
        {
            Id = id,
            Study = studyName,
            Models = modelNodes?.Items.Select(DisplayName).ToList() ?? [],
            Seed = seed?.Text,
            Parameters = values.Select(v => new SweepParameter(v.Name, v.Value.Text)).ToList(),
            Lane = Lane(modelNodes, defaultBackend),
            Source = Path.GetFullPath(sweep.Path),
            SweepName = sweep.Name,
        };
        string header = $"# Sweep point {id} of {point.Source}" + (point.Describe() is { Length: > 0 } d ? $" ({d})" : "") + ".\n" +
            "# Written by `studies daemon`: edit the sweep, not this file.\n";
        return point with { StudyYaml = header + ConfigYamlWriter.Write(resolved) };
    }

    private static ConfigMapping Apply(ConfigMapping study, string name, ConfigScalar value)
    {
        if (name.Contains('.'))
        {
            string[] path = name.Split('.');
            study = study.WithPath(path, value);
            return path is ["parameters", var key] ? WithoutInConditions(study, key) : study;
        }

        // A name the study already uses as a kind parameter (uncertainty's temperature, say) stays one.
        bool isParameter = (study.Find("parameters")?.Value as ConfigMapping)?.Find(name) is not null
            || (study.Find("conditions")?.Value as ConfigSequence)?.Items.OfType<ConfigMapping>().Any(c => c.Find(name) is not null) == true;
        if (!isParameter && SamplingKeys.Contains(name))
        {
            return study.WithPath(["sampling", name], value);
        }

        if (!isParameter && StudyKeys.Contains(name))
        {
            return study.With(name, value);
        }

        return WithoutInConditions(study.WithPath(["parameters", name], value), name);
    }

    /// <summary>A study-wide kind parameter only counts where a condition does not set its own: the sweep's value must win.</summary>
    private static ConfigMapping WithoutInConditions(ConfigMapping study, string name)
    {
        if (study.Find("conditions")?.Value is not ConfigSequence conditions)
        {
            return study;
        }

        var items = conditions.Items.Select(c => c is ConfigMapping m ? m.Without(name) : c).ToList();
        return study.With("conditions", conditions with { Items = items });
    }

    private static string DisplayName(ConfigNode model) => model switch
    {
        ConfigScalar s => s.Text,
        ConfigMapping m => m.Text("alias") ?? m.Text("model") ?? m.Text("name") ?? Path.GetFileNameWithoutExtension(m.Text("path")) ?? "model",
        _ => "model",
    };

    private static string Lane(ConfigSequence? models, string defaultBackend)
    {
        var lanes = (models?.Items ?? []).Select(m =>
        {
            string backend = m is ConfigMapping map ? map.Text("backend") ?? (map.Find("url") is not null ? "remote" : defaultBackend) : defaultBackend;
            return backend == "local" ? "local" : $"{backend}:{(m as ConfigMapping)?.Text("url") ?? "default"}";
        }).Distinct().Order(StringComparer.Ordinal).ToList();
        return lanes.Count == 0 ? defaultBackend : string.Join('+', lanes);
    }

    private static string Slug(string name)
    {
        var sb = new StringBuilder();
        foreach (char c in name.ToLowerInvariant())
        {
            sb.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        }

        string slug = sb.ToString().Trim('-');
        return slug.Length == 0 ? "study" : slug.Length > 40 ? slug[..40] : slug;
    }
}
