using Studies.Experiments.Kinds;

namespace Studies.Experiments.Engine;

/// <summary>How problems are printed: "file:line:column: message" (the form editors and CI annotations understand).</summary>
public static class ProblemFormatting
{
    public static string Format(this StudyProblem problem) =>
        problem.Location.File.Length == 0 ? problem.Message : $"{problem.Location}: {problem.Message}";

    /// <summary>Problems in file order (then line, column) for a stable, readable listing.</summary>
    public static IEnumerable<StudyProblem> InFileOrder(this IEnumerable<StudyProblem> problems) =>
        problems.OrderBy(p => p.Location.File, StringComparer.Ordinal).ThenBy(p => p.Location.Line).ThenBy(p => p.Location.Column);
}
