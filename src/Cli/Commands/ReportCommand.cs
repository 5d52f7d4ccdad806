using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Studies.Analysis.Runs;
using Studies.Cli.Hosting;
using Studies.Cli.Output;
using Studies.Experiments.Results;

namespace Studies.Cli.Commands;

/// <summary>
/// `studies report RUN_DIR`: rebuilds a results folder's summary.json, report.md (with figures/) and report.html from
/// its manifest.json and trials.jsonl (after a run stopped early, with --no-report, or after an analysis update).
/// </summary>
internal static class ReportCommand
{
    public static Command Build()
    {
        var folder = new Argument<string>("RUN_DIR") { Description = "The results folder (results/<config>-<time>)." };
        var command = new Command("report", "Write (or rewrite) the summary and report of a results folder.") { folder };
        command.SetAction(async (parse, ct) =>
        {
            string path = parse.GetValue(folder)!;
            if (!Directory.Exists(path))
            {
                throw new UserInputException(File.Exists(path)
                    ? $"{path} is a file: give the run's folder (results/<config>-<time>), which holds manifest.json and trials.jsonl."
                    : $"results folder not found: {path}");
            }

            using var host = CliHost.Build(parse.GetValue(GlobalOptions.Verbose), s => s.AddSingleton<RunReporter>());
            ReportFiles files;
            try
            {
                files = await host.Services.GetRequiredService<RunReporter>().WriteAsync(Path.GetFullPath(path), ct);
            }
            catch (TrialLogException e)
            {
                throw new UserInputException(e.Message);
            }

            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            console.MarkupLine($"report: [blue]{Markup.Escape(files.Markdown)}[/] and [blue]{Markup.Escape(files.Html)}[/]; summary: [blue]{Markup.Escape(files.Summary)}[/]");
            Console.WriteLine(files.Markdown);
            return 0;
        });
        return command;
    }
}
