namespace Studies.Backends;

/// <summary>
/// Sampling settings. Temperature 0 means greedy decoding. The filters apply in llama.cpp's order:
/// top-k, top-p, min-p, temperature, then a draw seeded by <see cref="Seed"/>.
/// </summary>
public sealed record SamplingSettings
{
    public float Temperature { get; init; }

    /// <summary>0 disables top-k.</summary>
    public int TopK { get; init; }

    /// <summary>1 disables top-p.</summary>
    public float TopP { get; init; } = 1f;

    /// <summary>0 disables min-p.</summary>
    public float MinP { get; init; }

    public uint Seed { get; init; }

    public bool IsGreedy => Temperature <= 0f;

    public static SamplingSettings Greedy { get; } = new();
}
