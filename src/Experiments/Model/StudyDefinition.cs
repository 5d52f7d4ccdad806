using Studies.Backends;

namespace Studies.Experiments.Model;

/// <summary>How answers are scored: label log-likelihood (one prompt evaluation for all labels) or generation + extraction.</summary>
public enum ScoringMethod
{
    LogLikelihood,
    Generation,
}

/// <summary>A study as resolved from YAML (defaults applied): what a study kind plans trials from.</summary>
public sealed record StudyDefinition
{
    public required string Name { get; init; }

    /// <summary>icl, cot, explanations or uncertainty.</summary>
    public required string Kind { get; init; }

    /// <summary>The label space of classification tasks, in a fixed order (empty for open answers).</summary>
    public IReadOnlyList<string> Labels { get; init; } = [];

    /// <summary>Seeds; each seed re-draws demonstrations (and sampling) so results can be averaged over them.</summary>
    public IReadOnlyList<int> Seeds { get; init; } = [0];

    public ScoringMethod Scoring { get; init; } = ScoringMethod.LogLikelihood;

    public SamplingSettings Sampling { get; init; } = SamplingSettings.Greedy;

    public int MaxTokens { get; init; } = 48;

    /// <summary>Kind-wide parameters (e.g. samples: 10, temperature: 0.8 for uncertainty; instruction text).</summary>
    public IReadOnlyDictionary<string, object?> Parameters { get; init; } = new Dictionary<string, object?>();

    public IReadOnlyList<ConditionSpec> Conditions { get; init; } = [];

    public SourceLocation Location { get; init; } = SourceLocation.None;
}
