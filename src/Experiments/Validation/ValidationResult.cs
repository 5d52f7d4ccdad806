using Studies.Experiments.Config;
using Studies.Experiments.Kinds;

namespace Studies.Experiments.Validation;

/// <summary>
/// The outcome of validating a study file: the studies that resolved (selected ones only) and every problem found,
/// each with file:line:column and what to do.
/// </summary>
public sealed record ValidationResult(StudyFile? File, IReadOnlyList<ResolvedStudy> Studies, IReadOnlyList<StudyProblem> Problems)
{
    public bool IsValid => File is not null && Problems.Count == 0;
}
