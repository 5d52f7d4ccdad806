using Studies.Experiments.Kinds;
using Studies.Experiments.Results;

namespace Studies.Experiments.Planning;

/// <summary>
/// Every trial of a run in execution order (by model, then rendered prompt, so trials sharing a prefix run back to
/// back), the resolved configuration and its hash, and what planning found wrong (<see cref="Problems"/> block the
/// run; <see cref="Warnings"/> are trials that will fail, e.g. a prompt longer than the context).
/// </summary>
public sealed class StudyPlan
{
    public required IReadOnlyList<PlannedTrial> Trials { get; init; }

    public required ResolvedConfig Config { get; init; }

    public required string ConfigHash { get; init; }

    public IReadOnlyList<StudyProblem> Problems { get; init; } = [];

    public IReadOnlyList<StudyProblem> Warnings { get; init; } = [];

    /// <summary>Planned trials per study, in study-file order.</summary>
    public required IReadOnlyList<KeyValuePair<string, int>> TrialsPerStudy { get; init; }

    public bool IsValid => Problems.Count == 0;
}
