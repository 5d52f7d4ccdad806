using Studies.Backends;
using Studies.Experiments.Model;

namespace Studies.Experiments.Config;

/// <summary>The <c>defaults:</c> section: what every study inherits unless it says otherwise.</summary>
public sealed record StudyDefaults
{
    public string Backend { get; init; } = "local";

    public IReadOnlyList<ModelSpec> Models { get; init; } = [];

    public SamplingSettings Sampling { get; init; } = SamplingSettings.Greedy;

    public IReadOnlyList<int> Seeds { get; init; } = [0];

    public ScoringMethod Scoring { get; init; } = ScoringMethod.LogLikelihood;

    public int MaxTokens { get; init; } = 48;

    /// <summary>llama.cpp threads per context (null = the backend's configured default, 1 out of the box: often fastest for tiny models on small CPUs).</summary>
    public int? Threads { get; init; }

    /// <summary>Contexts per local model: how many trials run on it at once (null = the backend's configured default).</summary>
    public int? Contexts { get; init; }

    public int? Limit { get; init; }
}
