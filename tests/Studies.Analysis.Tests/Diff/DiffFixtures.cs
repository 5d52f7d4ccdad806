using System.Text;
using System.Text.Json;
using Studies.Backends;
using Studies.Experiments.Results;

namespace Studies.Analysis.Tests.Diff;

/// <summary>Builds small results folders (manifest.json + trials.jsonl) with the engine's own serializer.</summary>
internal static class DiffFixtures
{
    public const string Study = "sst2";

    public static string TempRoot()
    {
        string dir = Path.Combine(Path.GetTempPath(), "studies-diff-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    public static RunManifest Manifest(string configHash, IReadOnlyList<(string Name, string Role, string Sha256)> models,
        float temperature = 0f, string datasetSha = "data-sha", string runtime = "llama.cpp b6000")
    {
        return new RunManifest
        {
            ConfigName = "icl",
            ConfigHash = configHash,
            Config = new ResolvedConfig
            {
                File = "experiments.yaml",
                Studies =
                [
                    new StudyConfig
                    {
                        Name = Study,
                        Kind = "icl",
                        Dataset = new DatasetConfig { Synthetic = "sentiment", Size = 20, ContentSha256 = datasetSha },
                        Models = [.. models.Select(m => m.Name)],
                        Labels = ["negative", "positive"],
                        Seeds = [0],
                        Scoring = "loglik",
                        Sampling = new SamplingConfig(temperature, 0, 1f, 0f),
                        Conditions = [new ConditionConfig { Name = "gold", Type = "gold_labels" }],
                    },
                ],
                Models = [.. models.Select(m => new ModelConfig { Name = m.Name, Backend = "local", Role = m.Role, Source = m.Name })],
            },
            Models = [.. models.Select(m => new ModelInfo
            {
                Name = m.Name, Backend = "local", Location = $"/models/{m.Name}.gguf", Sha256 = m.Sha256, Quantization = "F32",
                RuntimeVersion = runtime, Architecture = "llama",
            })],
            CreatedUtc = new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero),
            CompletedUtc = new DateTimeOffset(2025, 1, 1, 12, 5, 0, TimeSpan.Zero),
            Sessions =
            [
                new RunSession
                {
                    Host = new HostInfo { Machine = "box", Os = "Linux", Architecture = "X64", ProcessorCount = 2, Dotnet = ".NET 10.0.0" },
                    Args = ["run", "experiments.yaml"],
                    Status = "completed",
                },
            ],
        };
    }

    /// <summary>An icl trial at shots 0 or 4; demo_majority and gold_is_a describe the item (they must not split groups).</summary>
    public static TrialRecord Trial(string model, string role, string item, int shots, bool? correct,
        TrialStatus status = TrialStatus.Ok, string condition = "gold", IReadOnlyDictionary<string, double>? scores = null, string? output = null)
    {
        int index = int.Parse(item.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture);
        var facets = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["shots"] = shots.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["demo_majority"] = shots == 0 ? "none" : index % 2 == 0 ? "positive" : "negative",
            ["gold_is_a"] = index % 3 == 0 ? "yes" : "no",
            ["labels"] = "gold",
        };
        string gold = index % 2 == 0 ? "positive" : "negative";
        string other = gold == "positive" ? "negative" : "positive";
        string prediction = correct == false ? other : gold;
        return new TrialRecord
        {
            Key = $"{model}|{condition}|{item}|{shots}",
            Study = Study,
            Kind = "icl",
            Model = model,
            Role = role,
            Condition = condition,
            Facets = facets,
            ItemId = item,
            Seed = 0,
            PromptHash = $"{role}-{item}-{shots}",
            Status = status,
            Error = status == TrialStatus.Failed ? "prompt too long" : null,
            Output = status == TrialStatus.Failed ? null : output ?? $" {prediction}",
            Prediction = status == TrialStatus.Failed ? null : prediction,
            Gold = gold,
            Correct = status == TrialStatus.Failed ? null : correct,
            Scores = scores ?? new Dictionary<string, double> { ["prob_gold"] = correct == true ? 0.8 : 0.3, ["gold_index"] = index % 2 },
        };
    }

    /// <summary>20 items × shots {0, 4}; <paramref name="correct"/> decides each trial's correctness.</summary>
    public static List<TrialRecord> Trials(string model, string role, Func<int, int, bool> correct, int items = 20) =>
        [.. from shots in new[] { 0, 4 } from i in Enumerable.Range(0, items) select Trial(model, role, $"i{i}", shots, correct(i, shots))];

    public static string Write(string root, string name, RunManifest manifest, IEnumerable<TrialRecord> trials)
    {
        string folder = Path.Combine(root, name);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, RunFolders.ManifestFile),
            JsonSerializer.Serialize(manifest, new JsonSerializerOptions(ResultsJsonContext.Default.Options) { WriteIndented = true }));
        var lines = new StringBuilder();
        foreach (var t in trials)
        {
            lines.Append(JsonSerializer.Serialize(t, ResultsJsonContext.Default.TrialRecord)).Append('\n');
        }

        File.WriteAllText(Path.Combine(folder, TrialLog.FileName), lines.ToString());
        return folder;
    }

    /// <summary>A one-model base run: right on items 0–9, wrong on 10–19 (at both shot counts).</summary>
    public static string BaseRun(string root, string name = "icl-20250101-120000") =>
        Write(root, name, Manifest("hash-base", [("stories260K", "base", "sha-base")]),
            Trials("stories260K", "base", (i, _) => i < 10));
}
