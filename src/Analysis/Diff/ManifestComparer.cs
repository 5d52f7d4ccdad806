using System.Text.Json;
using System.Text.Json.Nodes;
using Studies.Experiments.Results;

namespace Studies.Analysis.Diff;

/// <summary>
/// Lists what differs between two runs' manifests, in four sections: the run (config name and hash, study file,
/// completion), each model pair (identity from the manifest — sha256, quantization, llama.cpp or server version,
/// architecture, context, chat template, path — and its configuration — role, source, template name, threads), each
/// study's resolved settings (kind, dataset and its content sha256, labels, seeds, scoring, sampling, parameters,
/// conditions), and the latest session (host, .NET, command line, limit). Timestamps and counts are not settings and
/// are left out. Models are compared by the diff's model pairing, so a base run against an assistant run compares the
/// two models that were paired.
/// </summary>
public static class ManifestComparer
{
    private static readonly string[] SessionSettings = ["args", "studies", "limit"];

    public static IReadOnlyList<ManifestDifference> Compare(RunResults a, RunResults b, IReadOnlyList<StudyPairing> pairings)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(pairings);
        var nodeA = ToNode(a.Manifest);
        var nodeB = ToNode(b.Manifest);
        var diffs = new List<ManifestDifference>();
        CompareRun(diffs, a.Manifest, b.Manifest);
        CompareModels(diffs, nodeA, nodeB, pairings);
        CompareStudies(diffs, nodeA, nodeB);
        CompareFlat(diffs, "session (latest)", Session(nodeA), Session(nodeB));
        return diffs;
    }

    private static void CompareRun(List<ManifestDifference> diffs, RunManifest a, RunManifest b)
    {
        Add(diffs, "run", "config_name", a.ConfigName, b.ConfigName);
        Add(diffs, "run", "config_hash", a.ConfigHash, b.ConfigHash);
        Add(diffs, "run", "config.file", a.Config.File, b.Config.File);
        Add(diffs, "run", "format", Invariant(a.Format), Invariant(b.Format));
        Add(diffs, "run", "completed", a.CompletedUtc is null ? "no" : "yes", b.CompletedUtc is null ? "no" : "yes");
    }

    private static void CompareModels(List<ManifestDifference> diffs, JsonObject a, JsonObject b, IReadOnlyList<StudyPairing> pairings)
    {
        var pairs = pairings.SelectMany(p => p.Pairs).Select(p => (p.ModelA, p.ModelB)).Distinct().ToList();
        foreach (var (modelA, modelB) in pairs)
        {
            string section = string.Equals(modelA, modelB, StringComparison.Ordinal) ? $"model {modelA}" : $"model {modelA} → {modelB}";
            CompareFlat(diffs, section, Model(a, modelA), Model(b, modelB));
        }
    }

    /// <summary>A model's manifest identity (sha256, runtime...) and, under config., its resolved configuration.</summary>
    private static Dictionary<string, string?> Model(JsonObject manifest, string name)
    {
        var flat = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (Named(manifest["models"], name) is { } info)
        {
            AddFlat(flat, info, "");
        }
        else
        {
            flat["loaded"] = "no";
        }

        if (Named(manifest["config"]?["models"], name) is { } config)
        {
            AddFlat(flat, config, "config.");
        }

        return flat;
    }

    private static void CompareStudies(List<ManifestDifference> diffs, JsonObject a, JsonObject b)
    {
        var namesA = Names(a["config"]?["studies"]);
        var namesB = Names(b["config"]?["studies"]);
        foreach (string study in namesA.Concat(namesB.Except(namesA, StringComparer.Ordinal)))
        {
            string section = $"study {study}";
            var studyA = Named(a["config"]?["studies"], study);
            var studyB = Named(b["config"]?["studies"], study);
            if (studyA is null || studyB is null)
            {
                Add(diffs, section, "study", studyA is null ? null : JsonFlattener.Present, studyB is null ? null : JsonFlattener.Present);
                continue;
            }

            var flatA = new Dictionary<string, string?>(StringComparer.Ordinal);
            var flatB = new Dictionary<string, string?>(StringComparer.Ordinal);
            AddFlat(flatA, studyA, "");
            AddFlat(flatB, studyB, "");
            CompareFlat(diffs, section, flatA, flatB);
        }
    }

    private static Dictionary<string, string?> Session(JsonObject manifest)
    {
        var flat = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (manifest["sessions"] is JsonArray { Count: > 0 } sessions && sessions[^1] is JsonObject last)
        {
            foreach (var (key, value) in JsonFlattener.Flatten(last))
            {
                if (key.StartsWith("host.", StringComparison.Ordinal) || SessionSettings.Contains(key, StringComparer.Ordinal))
                {
                    flat[key] = value;
                }
            }
        }

        return flat;
    }

    /// <summary>
    /// Adds a row per differing path. A named element (a condition, say) present on one side only is one row at its
    /// marker, not one per setting inside it.
    /// </summary>
    private static void CompareFlat(List<ManifestDifference> diffs, string section, Dictionary<string, string?> a, Dictionary<string, string?> b)
    {
        foreach (string key in a.Keys.Concat(b.Keys.Where(k => !a.ContainsKey(k))))
        {
            string? valueA = a.GetValueOrDefault(key);
            string? valueB = b.GetValueOrDefault(key);
            if (!string.Equals(valueA, valueB, StringComparison.Ordinal) && !InsideMissingElement(key, a, b))
            {
                diffs.Add(new ManifestDifference(section, key, valueA, valueB));
            }
        }
    }

    private static bool InsideMissingElement(string key, Dictionary<string, string?> a, Dictionary<string, string?> b)
    {
        for (int i = key.IndexOf(']', StringComparison.Ordinal); i >= 0 && i < key.Length - 1; i = key.IndexOf(']', i + 1))
        {
            string marker = key[..(i + 1)];
            if (a.ContainsKey(marker) != b.ContainsKey(marker))
            {
                return true;
            }
        }

        return false;
    }

    private static void AddFlat(Dictionary<string, string?> into, JsonObject element, string prefix)
    {
        foreach (var (name, value) in element.Where(p => p.Key != "name"))
        {
            foreach (var (key, text) in JsonFlattener.Flatten(value, prefix + name))
            {
                into[key] = text;
            }
        }
    }

    private static JsonObject? Named(JsonNode? array, string name) =>
        (array as JsonArray)?.OfType<JsonObject>().FirstOrDefault(o =>
            o["name"] is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() == name);

    private static List<string> Names(JsonNode? array) =>
        (array as JsonArray)?.OfType<JsonObject>()
            .Select(o => o["name"] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null)
            .OfType<string>().Distinct(StringComparer.Ordinal).ToList() ?? [];

    private static JsonObject ToNode(RunManifest manifest) =>
        JsonSerializer.SerializeToNode(manifest, ResultsJsonContext.Default.RunManifest)?.AsObject() ?? [];

    private static void Add(List<ManifestDifference> diffs, string section, string setting, string? a, string? b)
    {
        if (!string.Equals(a, b, StringComparison.Ordinal))
        {
            diffs.Add(new ManifestDifference(section, setting, a, b));
        }
    }

    private static string Invariant(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
