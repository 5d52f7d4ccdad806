using System.Text.Json.Nodes;

namespace Studies.Cli.Bench;

/// <summary>One line of the bench table: our figure, the baseline's, their ratio and the target it is held to.</summary>
internal sealed record BenchRow(string Measure, string Studies, string Baseline, double? Ratio, string Target, bool? Met);

/// <summary>What one part measured: table rows, every figure for --json, and its peak memory.</summary>
internal sealed class BenchPartResult(IBenchmarkPart part)
{
    private readonly List<BenchRow> _rows = [];

    public string Key { get; } = part.Key;

    public string Title { get; } = part.Title;

    public string Baseline { get; } = part.Baseline;

    public IReadOnlyList<BenchRow> Rows => _rows;

    /// <summary>Figures by key (without the part prefix); ratios have "ratio" in their key, targets end in "met".</summary>
    public SortedDictionary<string, JsonNode?> Figures { get; } = new(StringComparer.Ordinal);

    /// <summary>Peak resident memory of this process during the part, in bytes.</summary>
    public long PeakMemoryBytes { get; set; }

    public void Row(BenchRow row) => _rows.Add(row);

    public void Figure(string key, double value) => Figures[key] = JsonValue.Create(Math.Round(value, 6));

    public void Figure(string key, string value) => Figures[key] = JsonValue.Create(value);

    public void Figure(string key, bool value) => Figures[key] = JsonValue.Create(value);

    public void Figure(string key, Measurement m, string unit)
    {
        Figure($"{key}_{unit}_mean", m.Mean);
        Figure($"{key}_{unit}_sd", m.StandardDeviation);
        Figure($"{key}_{unit}_median", m.Median);
        Figure($"{key}_{unit}_n", m.Count);
    }

    /// <summary>Records a target: its ratio and whether it is met (ratio at least <paramref name="atLeast"/>).</summary>
    public bool Target(string key, double ratio, double atLeast)
    {
        bool met = ratio >= atLeast;
        Figure($"{key}_ratio", ratio);
        Figure($"{key}_target", atLeast);
        Figure($"{key}_target_met", met);
        return met;
    }
}
