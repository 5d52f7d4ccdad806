using System.Text.Json;
using Studies.Experiments.Results;

namespace Studies.Experiments.Tests.Sweeps;

/// <summary>Reading a state folder's results the way the acceptance criteria state them: keys, duplicates, parseable lines.</summary>
public static class TrialKeys
{
    /// <summary>Run id → every line of its trials.jsonl (each must be one JSON object with a key).</summary>
    public static Dictionary<string, List<string>> Lines(string stateDirectory)
    {
        var runs = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (!Directory.Exists(Path.Combine(stateDirectory, "runs")))
        {
            return runs;
        }

        foreach (string run in Directory.GetDirectories(Path.Combine(stateDirectory, "runs")))
        {
            string file = Path.Combine(run, "results", TrialLog.FileName);
            runs[Path.GetFileName(run)] = File.Exists(file) ? File.ReadAllLines(file).ToList() : [];
        }

        return runs;
    }

    /// <summary>Fails unless every line parses as a trial record (the engine's reader agrees) and no key appears twice.</summary>
    public static HashSet<string> Keys(string run, List<string> lines)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (string line in lines)
        {
            using var json = JsonDocument.Parse(line);
            string key = json.RootElement.GetProperty("key").GetString()!;
            Assert.True(keys.Add(key), $"run {run}: trial {key} appears twice");
        }

        return keys;
    }
}
