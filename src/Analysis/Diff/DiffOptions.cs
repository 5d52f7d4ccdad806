using Studies.Analysis.Statistics;

namespace Studies.Analysis.Diff;

/// <summary>Statistics and presentation settings of a diff. The defaults make every diff of the same two runs identical.</summary>
public sealed record DiffOptions
{
    /// <summary>Paired bootstrap resamples per interval.</summary>
    public int Resamples { get; init; } = Bootstrap.DefaultResamples;

    public double Confidence { get; init; } = 0.95;

    /// <summary>Base seed of the bootstraps; each group derives its own from this and its name, so adding a group changes no other.</summary>
    public ulong Seed { get; init; } = 20240917;

    /// <summary>Flipped items listed per direction in the report (flips.jsonl always has them all).</summary>
    public int MaxFlipsShown { get; init; } = 50;

    /// <summary>Output text longer than this is cut in report tables.</summary>
    public int MaxOutputChars { get; init; } = 240;
}
