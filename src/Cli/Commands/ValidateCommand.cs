using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Studies.Cli.Hosting;
using Studies.Cli.Output;
using Studies.Experiments.Engine;
using Studies.Experiments.Validation;

namespace Studies.Cli.Commands;

/// <summary>`studies validate FILE`: every problem of a study file at once (file:line:column, what to do), without running.</summary>
internal static class ValidateCommand
{
    public static Command Build()
    {
        var file = new Argument<string>("file") { Description = "The YAML study file." };
        var noModels = new Option<bool>("--no-models") { Description = "Skip the checks that load the models (capabilities, vocabulary, planning)." };
        var study = new Option<string[]>("--study") { Description = "Validate only this study (repeatable)." };
        var command = new Command("validate", "Check a study file without running it.") { file, noModels, study };
        command.SetAction(async (parse, ct) =>
        {
            using var host = CliHost.Build(parse.GetValue(GlobalOptions.Verbose), s => s.AddStudiesCli());
            var engine = host.Services.GetRequiredService<StudyEngine>();
            var report = await engine.ValidateAsync(parse.GetValue(file)!, new StudySelection { Studies = parse.GetValue(study) ?? [] }, !parse.GetValue(noModels), ct);
            ProblemPrinter.Print(report.Warnings, "warning");
            ProblemPrinter.Print(report.Problems);
            if (!report.IsValid)
            {
                Console.Error.WriteLine($"{report.Problems.Count} problem{(report.Problems.Count == 1 ? "" : "s")} found.");
                return ErrorReporter.UserError;
            }

            foreach (var (name, trials) in report.TrialsPerStudy)
            {
                AnsiConsole.MarkupLine($"  {Markup.Escape(name)}: {trials} trials");
            }

            AnsiConsole.MarkupLine($"[green]valid[/]{(report.ConfigHash is { } h ? $" (config {h[..12]})" : "")}");
            return 0;
        });
        return command;
    }
}
