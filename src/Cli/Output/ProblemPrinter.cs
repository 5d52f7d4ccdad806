using Spectre.Console;
using Studies.Experiments.Engine;
using Studies.Experiments.Kinds;

namespace Studies.Cli.Output;

/// <summary>Prints validation problems as "file:line:column: message", one per line, like a compiler.</summary>
internal static class ProblemPrinter
{
    public static void Print(IReadOnlyList<StudyProblem> problems, string severity = "error")
    {
        var console = StderrConsole.Create();
        string color = severity == "error" ? "red" : "yellow";
        foreach (var p in problems.InFileOrder())
        {
            string where = p.Location.ToString();
            console.MarkupLine($"{Markup.Escape(where)}{(where.Length > 0 ? ": " : "")}[{color}]{severity}:[/] {Markup.Escape(p.Message)}");
        }
    }
}
