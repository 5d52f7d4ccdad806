using Studies.Backends;

namespace Studies.Analysis.TokenShift;

/// <summary>Settings of a token-shift analysis beyond the models, prompts and token budget.</summary>
public sealed record TokenShiftOptions
{
    /// <summary>How the assistant answers; greedy by default (URIAL analyses greedy outputs).</summary>
    public SamplingSettings Sampling { get; init; } = SamplingSettings.Greedy;

    /// <summary>Extra stop strings for the assistant (its chat template's end-of-turn marker is always one).</summary>
    public IReadOnlyList<string> Stop { get; init; } = [];

    /// <summary>
    /// Keep the tokens of the stop string (e.g. "&lt;|im_end|&gt;") in the analysis. Off by default: they are chat
    /// format, not content, and a base model never predicts them.
    /// </summary>
    public bool IncludeStopSequence { get; init; }

    /// <summary>Positions per bucket in the by-position breakdown; 0 picks about ten buckets over the longest answer.</summary>
    public int PositionBucketWidth { get; init; }

    /// <summary>How many of the most-shifted tokens to list.</summary>
    public int TopShiftedTokens { get; init; } = 20;

    public int BootstrapResamples { get; init; } = Statistics.Bootstrap.DefaultResamples;

    public ulong BootstrapSeed { get; init; } = 2023;

    public static TokenShiftOptions Default { get; } = new();
}
