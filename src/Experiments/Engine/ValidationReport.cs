using Studies.Experiments.Kinds;

namespace Studies.Experiments.Engine;

/// <summary>The result of `studies validate`: every problem and warning, and how many trials the file plans.</summary>
public sealed record ValidationReport
{
    public required IReadOnlyList<StudyProblem> Problems { get; init; }

    public IReadOnlyList<StudyProblem> Warnings { get; init; } = [];

    /// <summary>Trials per study (when validation got as far as planning).</summary>
    public IReadOnlyList<KeyValuePair<string, int>> TrialsPerStudy { get; init; } = [];

    public string? ConfigHash { get; init; }

    public bool IsValid => Problems.Count == 0;
}
