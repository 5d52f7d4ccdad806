using Studies.Analysis.Statistics;
using Studies.Backends;

namespace Studies.Analysis.Runs;

/// <summary>summary.json of a results folder: what analysis computed from trials.jsonl alone.</summary>
public sealed record RunSummary
{
    public required string ConfigName { get; init; }

    public required string ConfigHash { get; init; }

    public required IReadOnlyList<ModelInfo> Models { get; init; }

    public int Trials { get; init; }

    public int Failed { get; init; }

    public int ExtractionFailed { get; init; }

    /// <summary>Per study x model x condition (and facets such as shots): n and accuracy with a 95% Wilson interval.</summary>
    public required IReadOnlyList<GroupRow> Groups { get; init; }

    /// <summary>Each kind's headline quantities (label gap, CoT gain, AUROC of each signal, ...) with 95% CIs.</summary>
    public required IReadOnlyList<Headline> Headlines { get; init; }

    /// <summary>Assistant minus base on the same items, per condition: paired bootstrap CI, McNemar and Holm-adjusted p.</summary>
    public required IReadOnlyList<PairedComparison> BaseVsAssistant { get; init; }

    public required IReadOnlyList<FailureCount> Failures { get; init; }
}

public sealed record GroupRow
{
    public required string Study { get; init; }

    public required string Kind { get; init; }

    public required string Model { get; init; }

    public required string Role { get; init; }

    public required string Condition { get; init; }

    /// <summary>Facets that split the condition (e.g. "shots=8"), in key order; empty when none.</summary>
    public required string Facets { get; init; }

    public int N { get; init; }

    public int Failed { get; init; }

    public int ExtractionFailed { get; init; }

    public required Summary Accuracy { get; init; }

    /// <summary>Mean of every numeric score the trials carry.</summary>
    public required IReadOnlyDictionary<string, double> MeanScores { get; init; }
}

/// <param name="Name">What is measured, e.g. "gold - random labels (shots=4)".</param>
public sealed record Headline(string Study, string Model, string Name, Summary Value, string Description);

public sealed record PairedComparison
{
    public required string Study { get; init; }

    public required string Group { get; init; }

    public required string BaseModel { get; init; }

    public required string AssistantModel { get; init; }

    public required Summary BaseAccuracy { get; init; }

    public required Summary AssistantAccuracy { get; init; }

    /// <summary>Assistant minus base accuracy, paired bootstrap 95% CI.</summary>
    public required Summary Delta { get; init; }

    /// <summary>Items only the base model got right, and only the assistant.</summary>
    public int BaseOnly { get; init; }

    public int AssistantOnly { get; init; }

    public double McNemarP { get; init; }

    /// <summary>McNemar p adjusted by Holm over all comparisons of the run.</summary>
    public double HolmP { get; init; }
}

public sealed record FailureCount(string Study, string Model, string ErrorType, int Count, string Example);
