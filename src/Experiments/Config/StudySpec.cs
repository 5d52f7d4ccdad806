using Studies.Experiments.Model;

namespace Studies.Experiments.Config;

/// <summary>
/// One entry of <c>studies:</c> with defaults applied: the kind-facing <see cref="StudyDefinition"/> plus what the
/// engine needs to find its data and models. Labels may still be empty here (inferred from the data later).
/// </summary>
public sealed record StudySpec
{
    public required StudyDefinition Definition { get; init; }

    public string Name => Definition.Name;

    public required DatasetSpec Dataset { get; init; }

    public DemoSpec Demos { get; init; } = new();

    public required IReadOnlyList<ModelSpec> Models { get; init; }

    /// <summary>Evaluation items to use at most (after the seeded shuffle); null = all.</summary>
    public int? Limit { get; init; }

    public SourceLocation KindLocation { get; init; } = SourceLocation.None;

    /// <summary>Where <c>labels:</c> was written, or None when the labels are inferred from the data.</summary>
    public SourceLocation LabelsLocation { get; init; } = SourceLocation.None;
}
