using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Studies.Experiments.Config;
using Studies.Experiments.Model;
using Studies.Experiments.Models;
using Studies.Experiments.Results;
using Studies.Experiments.Validation;

namespace Studies.Experiments.Planning;

/// <summary>Builds the <see cref="ResolvedConfig"/> of a run and its hash (sha256 of its canonical JSON).</summary>
public static class ConfigBuilder
{
    public static ResolvedConfig Build(StudyFile file, IReadOnlyList<ResolvedStudy> studies, ModelSet models) => new()
    {
        File = Path.GetFileName(file.FullPath),
        Studies = studies.Select(s => Study(s, models)).ToArray(),
        Models = models.Models.Select(m => Model(m, file)).ToArray(),
    };

    public static string Hash(ResolvedConfig config)
    {
        // The file name is not part of the identity: a renamed copy of the same studies resumes the same run.
        byte[] json = JsonSerializer.SerializeToUtf8Bytes(config with { File = "" }, ResultsJsonContext.Default.ResolvedConfig);
        return Convert.ToHexStringLower(SHA256.HashData(json));
    }

    private static StudyConfig Study(ResolvedStudy study, ModelSet models)
    {
        var d = study.Definition;
        var data = study.Spec.Dataset;
        return new StudyConfig
        {
            Name = d.Name,
            Kind = d.Kind,
            Dataset = new DatasetConfig
            {
                File = data.File,
                Format = data.Format,
                Synthetic = data.Synthetic,
                Size = data.IsSynthetic ? data.Size : null,
                Seed = data.Seed,
                Choices = data.Choices > 0 ? data.Choices : null,
                Shuffle = data.Shuffle,
                Fields = Fields(data.Fields),
                LabelMap = data.LabelMap.Count > 0 ? data.LabelMap.ToDictionary(p => p.Key, p => p.Value) : null,
                DemosFile = study.Spec.Demos.File,
                Demos = study.Data.Demos.Count,
                ContentSha256 = study.Data.ContentHash,
            },
            Models = study.Spec.Models.Select(m => models.Find(m)?.Name ?? m.DisplayName).ToArray(),
            Labels = d.Labels,
            Seeds = d.Seeds,
            Scoring = d.Scoring == ScoringMethod.LogLikelihood ? "loglik" : "generate",
            Sampling = new SamplingConfig(d.Sampling.Temperature, d.Sampling.TopK, d.Sampling.TopP, d.Sampling.MinP),
            MaxTokens = d.MaxTokens,
            Parameters = Json(d.Parameters),
            Conditions = d.Conditions.Select(c => new ConditionConfig { Name = c.Name, Type = c.Type, Parameters = Json(c.Parameters) }).ToArray(),
        };
    }

    private static ModelConfig Model(LoadedModel model, StudyFile file) => new()
    {
        Name = model.Name,
        Backend = model.Spec.Backend,
        Role = model.Role == ModelRole.Assistant ? "assistant" : "base",
        Source = model.Spec.Name ?? (model.Spec.Path is { } p ? Path.GetRelativePath(file.Directory, p) : model.Spec.RemoteModel ?? ""),
        Sha256 = model.Model.Info.Sha256,
        ChatTemplate = model.Spec.ChatTemplate,
        Url = model.Spec.Url,
        Threads = model.Spec.Threads,
    };

    private static Dictionary<string, string>? Fields(FieldMapping f)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        Add("id", f.Id);
        Add("input", f.Input);
        Add("label", f.Label);
        Add("answer", f.Answer);
        Add("choices", f.Choices.Count > 0 ? string.Join(",", f.Choices) : null);
        Add("explanation", f.Explanation);
        Add("context", f.Context);
        return map.Count > 0 ? map : null;

        void Add(string key, string? value)
        {
            if (value is not null)
            {
                map[key] = value;
            }
        }
    }

    /// <summary>Parameters as JSON, keys sorted so the hash does not depend on how the YAML was ordered.</summary>
    private static JsonObject Json(IReadOnlyDictionary<string, object?> parameters)
    {
        var obj = new JsonObject();
        foreach (var (key, value) in parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            obj[key] = Node(value);
        }

        return obj;
    }

    private static JsonNode? Node(object? value) => value switch
    {
        null => null,
        bool b => JsonValue.Create(b),
        long l => JsonValue.Create(l),
        int i => JsonValue.Create(i),
        double d => JsonValue.Create(d),
        string s => JsonValue.Create(s),
        IEnumerable<object?> list => new JsonArray(list.Select(Node).ToArray()),
        _ => JsonValue.Create(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)),
    };
}
