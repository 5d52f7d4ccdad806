using System.Text.Json.Nodes;

namespace Studies.Experiments.Tests;

/// <summary>Compares trials.jsonl lines of two runs of the same plan (shared with the CLI tests, which link this file).</summary>
public static class TrialLines
{
    /// <summary>
    /// Where two trial lines disagree (null when they agree): every field but timings must be identical, numbers to
    /// the last digit — a resumed run's first prompts meet a cold KV cache where the uninterrupted run's met a warm
    /// one, and the backend makes both score bit for bit the same.
    /// </summary>
    public static string? Difference(string expected, string actual)
    {
        var a = JsonNode.Parse(expected)!.AsObject();
        var b = JsonNode.Parse(actual)!.AsObject();
        a.Remove("timings");
        b.Remove("timings");
        return Difference("", a, b);
    }

    private static string? Difference(string path, JsonNode? a, JsonNode? b)
    {
        switch (a, b)
        {
            case (JsonObject x, JsonObject y):
                if (!x.Select(p => p.Key).SequenceEqual(y.Select(p => p.Key)))
                {
                    return $"{path}: fields {string.Join(",", x.Select(p => p.Key))} vs {string.Join(",", y.Select(p => p.Key))}";
                }

                return x.Select(p => Difference($"{path}.{p.Key}", p.Value, y[p.Key])).FirstOrDefault(d => d is not null);
            case (JsonArray x, JsonArray y):
                return x.Count != y.Count ? $"{path}: {x.Count} vs {y.Count} elements"
                    : x.Select((v, i) => Difference($"{path}[{i}]", v, y[i])).FirstOrDefault(d => d is not null);
            default:
                return JsonNode.DeepEquals(a, b) ? null : $"{path}: {a?.ToJsonString()} vs {b?.ToJsonString()}";
        }
    }
}
