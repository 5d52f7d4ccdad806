using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Spectre.Console;
using Studies.Analysis.Diff;
using Studies.Cli.Hosting;
using Studies.Cli.Output;

namespace Studies.Cli.Commands;

/// <summary>
/// `studies diff RUN_A RUN_B`: what changed between two runs, item by item, with paired statistics (see
/// <see cref="DiffRunner"/>). Writes diff.md, diff.html and flips.jsonl, prints a compact table, and with
/// --fail-on-regression X exits 1 when a group's accuracy drops by more than X (a CI gate). Bad input: exit 2.
/// </summary>
internal static class DiffCommand
{
    private const int MaxConsoleManifestRows = 8;

    public static Command Build()
    {
        var runA = new Argument<string>("RUN_A") { Description = "The baseline results folder (results/<config>-<time>)." };
        var runB = new Argument<string>("RUN_B") { Description = "The results folder compared with it." };
        var output = new Option<string?>("--out", "-o")
        {
            HelpName = "DIR",
            Description = "Folder for diff.md, diff.html and flips.jsonl (default: diff-<A>-vs-<B> beside RUN_B).",
        };
        var failOn = new Option<string?>("--fail-on-regression")
        {
            HelpName = "X",
            Description = "Exit 1 when any group's accuracy B − A is below −X (point estimate; X = 0.05 or 5% for 5 points).",
        };
        var maxFlips = new Option<int>("--max-flips")
        {
            HelpName = "N",
            Description = "Flipped items listed per direction in the report (flips.jsonl has them all).",
            DefaultValueFactory = _ => new DiffOptions().MaxFlipsShown,
        };
        var command = new Command("diff", "Compare two results folders: paired accuracy deltas, flipped items, manifest differences.")
        {
            runA, runB, output, failOn, maxFlips,
        };
        command.SetAction(async (parse, ct) =>
        {
            using var host = CliHost.Build(parse.GetValue(GlobalOptions.Verbose));
            var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Studies.Diff");
            DiffOutcome outcome;
            try
            {
                var request = new DiffRequest
                {
                    RunA = parse.GetValue(runA)!,
                    RunB = parse.GetValue(runB)!,
                    Output = parse.GetValue(output),
                    FailOnRegression = parse.GetValue(failOn) is { } x ? RegressionGate.ParseThreshold(x) : null,
                    Options = new DiffOptions { MaxFlipsShown = parse.GetValue(maxFlips) },
                };
                outcome = await DiffRunner.RunAsync(request, logger, ct);
            }
            catch (DiffInputException e)
            {
                throw new UserInputException(e.Message);
            }

            Print(outcome);
            return outcome.ExitCode;
        });
        return command;
    }

    private static void Print(DiffOutcome outcome)
    {
        var diff = outcome.Diff;
        AnsiConsole.MarkupLine($"[bold]{Markup.Escape(diff.A.Name)}[/] → [bold]{Markup.Escape(diff.B.Name)}[/]");
        if (diff.Groups.Count > 0)
        {
            bool withStudy = diff.Groups.Select(g => g.Key.Study).Distinct(StringComparer.Ordinal).Count() > 1;
            bool withModels = diff.Groups.Any(g => !string.Equals(g.Key.ModelA, g.Key.ModelB, StringComparison.Ordinal));
            var table = new Table().Border(TableBorder.Simple);
            table.AddColumn("group");
            foreach (string column in new[] { "pairs", "acc A", "acc B", "Δ pp [95% CI]", "R→W", "W→R", "p (Holm)" })
            {
                table.AddColumn(new TableColumn(Markup.Escape(column)).RightAligned());
            }

            foreach (var g in diff.Groups)
            {
                bool regressed = outcome.Gate?.Regressions.Contains(g) == true;
                string delta = Markup.Escape(DiffText.Points(g.Delta));
                table.AddRow(
                    Markup.Escape(g.Key.Label(withStudy, withModels)), DiffText.Count(g.Pairs), DiffText.Percent(g.AccuracyA),
                    DiffText.Percent(g.AccuracyB), regressed ? $"[red]{delta}[/]" : delta, DiffText.Count(g.RightToWrong),
                    DiffText.Count(g.WrongToRight), DiffText.PValue(g.HolmPValue));
            }

            AnsiConsole.Write(table);
        }

        AnsiConsole.WriteLine(DiffReportBuilder.Verdict(diff));
        var counts = diff.Match.Counts;
        if (counts.FailedA + counts.FailedB + counts.UnpairedA + counts.UnpairedB > 0)
        {
            AnsiConsole.WriteLine($"Not compared: failed A {counts.FailedA}, B {counts.FailedB}; unpaired A {counts.UnpairedA}, B {counts.UnpairedB}.");
        }

        foreach (var d in diff.ManifestDifferences.Take(MaxConsoleManifestRows))
        {
            AnsiConsole.WriteLine($"  {d.Section}: {d.Setting}: {DiffText.Setting(d.A)} → {DiffText.Setting(d.B)}");
        }

        if (diff.ManifestDifferences.Count > MaxConsoleManifestRows)
        {
            AnsiConsole.WriteLine($"  … {diff.ManifestDifferences.Count - MaxConsoleManifestRows} more manifest differences in the report.");
        }

        AnsiConsole.WriteLine($"Report: {outcome.Files.Markdown}");
        AnsiConsole.WriteLine($"        {outcome.Files.Html}");
        if (outcome.Gate is { } gate)
        {
            AnsiConsole.MarkupLine(gate.Passed
                ? $"[green]regression gate passed:[/] {Markup.Escape(gate.Message)}"
                : $"[red]regression gate failed:[/] {Markup.Escape(gate.Message)}");
        }
    }
}
