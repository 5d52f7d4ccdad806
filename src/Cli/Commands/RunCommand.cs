using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Studies.Cli.Hosting;
using Studies.Cli.Output;
using Studies.Analysis.Runs;
using Studies.Cli.Progress;
using Studies.Experiments.Engine;
using Studies.Experiments.Scheduling;
using Studies.Experiments.Validation;

namespace Studies.Cli.Commands;

/// <summary>
/// `studies run FILE`: validate, plan, run every trial with live progress, write the results folder and its report.
/// Ctrl+C / SIGTERM finish the trials in flight, save, and exit non-zero; the same command resumes.
/// </summary>
internal static class RunCommand
{
    public static Command Build()
    {
        var file = new Argument<string>("file") { Description = "The YAML study file (e.g. experiments.yaml)." };
        var study = new Option<string[]>("--study") { Description = "Run only this study (repeatable)." };
        var output = new Option<string?>("--out", "-o") { Description = "Results folder (default: results/<config>-<UTC time>, or the newest resumable one)." };
        var limit = new Option<int?>("--limit") { Description = "At most N evaluation items per study." };
        var forceNew = new Option<bool>("--force-new") { Description = "Start a new run even when a folder with this config could be resumed, or when --out holds another config's run." };
        var noReport = new Option<bool>("--no-report") { Description = "Skip writing summary.json and the report." };
        var command = new Command("run", "Run the studies of a YAML file and write a results folder with a report.")
        {
            file, study, output, limit, forceNew, noReport,
        };
        command.SetAction(async (parse, ct) =>
        {
            var request = new StudyRunRequest
            {
                StudyFile = parse.GetValue(file)!,
                Selection = new StudySelection { Studies = parse.GetValue(study) ?? [], Limit = parse.GetValue(limit) },
                OutputFolder = parse.GetValue(output),
                ForceNew = parse.GetValue(forceNew),
                Args = Environment.GetCommandLineArgs().Skip(1).ToArray(),
            };
            using var host = CliHost.Build(parse.GetValue(GlobalOptions.Verbose), s => s.AddStudiesCli());
            using var stop = StopSignals.Register(ct);
            using var progress = new ConsoleRunProgress();
            var engine = host.Services.GetRequiredService<StudyEngine>();
            var result = await engine.RunAsync(request, progress, stop.Token);
            ProblemPrinter.Print(result.Warnings, "warning");
            ProblemPrinter.Print(result.Problems);
            var console = StderrConsole.Create();
            console.MarkupLine(result.Status switch
            {
                RunStatus.Completed => $"[green]done[/] {Markup.Escape(result.Message)}",
                RunStatus.CompletedWithFailures => $"[yellow]done with failures[/] {Markup.Escape(result.Message)}",
                _ => $"[red]{Markup.Escape(result.Status.ToString().ToLowerInvariant())}[/] {Markup.Escape(result.Message)}",
            });
            if (result.Folder is { } folder && result.Status is RunStatus.Completed or RunStatus.CompletedWithFailures && !parse.GetValue(noReport))
            {
                var written = await host.Services.GetRequiredService<RunReporter>().WriteAsync(folder, CancellationToken.None);
                console.MarkupLine($"report: [blue]{Markup.Escape(written.Markdown)}[/] and [blue]{Markup.Escape(written.Html)}[/]");
                Console.WriteLine(folder);
            }

            return result.ExitCode;
        });
        return command;
    }
}
