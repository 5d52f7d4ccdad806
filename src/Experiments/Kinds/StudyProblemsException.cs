namespace Studies.Experiments.Kinds;

/// <summary>
/// Thrown by <see cref="IStudyKind.Plan"/> when the study or its data is invalid. Callers are expected to run
/// <see cref="IStudyKind.Validate"/> and <see cref="IStudyKind.ValidateData"/> first; this is the backstop, carrying
/// the same problems so the CLI can print them (file:line) instead of a stack trace.
/// </summary>
public sealed class StudyProblemsException(IReadOnlyList<StudyProblem> problems)
    : Exception(string.Join(Environment.NewLine, problems.Select(p => $"{p.Location}: {p.Message}")))
{
    public IReadOnlyList<StudyProblem> Problems { get; } = problems;
}
