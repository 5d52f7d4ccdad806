using System.Text.Json;
using System.Text.Json.Nodes;

namespace Studies.Experiments.Tests;

/// <summary>Compares trials.jsonl lines of two runs of the same plan (shared with the CLI tests, which link this file).</summary>
public static class TrialLines
{
    /// <summary>
    /// Where two trial lines disagree (null when they agree): timings are ignored, every other field must be identical
    /// except numbers, which must agree to 1e-5 (relative, or absolute below 1). A resumed run evaluates its first
    /// prompts after a restart on a KV cache whose history differs from the uninterrupted run's (prefix reuse), and on
    /// this AVX-512 machine that moves a log-probability by ~3e-6 (measured; the code before the bench work did the
    /// same: 2 of 3 runs of the daemon kill test failed on exact comparison). Uninterrupted reruns stay bit-identical.
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
            case (JsonValue x, JsonValue y) when x.GetValueKind() == JsonValueKind.Number && y.GetValueKind() == JsonValueKind.Number:
                double u = x.GetValue<double>(), v = y.GetValue<double>();
                return Math.Abs(u - v) <= 1e-5 * Math.Max(1, Math.Max(Math.Abs(u), Math.Abs(v))) ? null : $"{path}: {u} vs {v}";
            default:
                return JsonNode.DeepEquals(a, b) ? null : $"{path}: {a?.ToJsonString()} vs {b?.ToJsonString()}";
        }
    }
}
