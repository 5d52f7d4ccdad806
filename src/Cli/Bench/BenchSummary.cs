using System.Text.Json.Nodes;

namespace Studies.Cli.Bench;

/// <summary>One whole bench run: where it ran, on what, and each part's result.</summary>
internal sealed record BenchSummary(
    string Model, int Threads, int Repetitions, int Rounds, MachineInfo Machine, string LoadBefore, string LoadAfter,
    IReadOnlyList<BenchPartResult> Parts)
{
    /// <summary>Every target over all parts: its key ("throughput.pp128") and whether it was met.</summary>
    public IReadOnlyList<(string Key, bool Met)> Targets =>
        Parts.SelectMany(p => p.Figures
                .Where(f => f.Key.EndsWith("_target_met", StringComparison.Ordinal) && f.Value is JsonValue)
                .Select(f => ($"{p.Key}.{f.Key[..^"_target_met".Length]}", f.Value!.GetValue<bool>())))
            .ToArray();
}
