using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Studies.Backends.Catalog;
using Studies.Cli.Bench;
using Studies.Cli.Hosting;
using Studies.Cli.Output;

namespace Studies.Cli.Commands;

/// <summary>
/// `studies bench`: the performance bars of the design in one run, each against its baseline: tokens/s vs llama-bench,
/// ICL scoring vs naive per-candidate evaluation, n samples vs independent requests, and peak memory per part.
/// </summary>
internal static class BenchCommand
{
    public static Command Build()
    {
        var model = new Option<string>("--model", "-m")
        {
            Description = "Model name (looked up on the model search path) or path to a GGUF file.",
            DefaultValueFactory = _ => "stories260K",
        };
        var threads = GlobalOptions.Threads();
        var json = new Option<string?>("--json") { Description = "Also write every figure, ratio and target (keys ending in 'met') to this JSON file." };
        var repetitions = new Option<int>("--repetitions", "-r") { Description = "Timed repetitions per measurement and round (after a warm-up).", DefaultValueFactory = _ => 5 };
        var rounds = new Option<int>("--rounds") { Description = "Rounds alternating our side and the baseline (load elsewhere then hits both).", DefaultValueFactory = _ => 3 };
        var only = new Option<string[]>("--part") { Description = $"Run only this part (repeatable): {string.Join(", ", BenchmarkParts.All.Select(p => p.Key))}." };
        var command = new Command("bench", "Measure the local backend against llama.cpp's llama-bench and naive baselines; prints a table with ratios and targets.")
        {
            model, threads, json, repetitions, rounds, only,
        };
        command.SetAction(async (parse, ct) =>
        {
            int t = parse.GetValue(threads), reps = parse.GetValue(repetitions), r = parse.GetValue(rounds);
            if (t < 1 || reps < 1 || r < 1)
            {
                throw new UserInputException("--threads, --repetitions and --rounds must be at least 1.");
            }

            var selected = BenchmarkParts.Select(parse.GetValue(only) ?? []);
            using var host = CliHost.Build(parse.GetValue(GlobalOptions.Verbose));
            var loader = host.Services.GetRequiredService<ModelLoader>();
            string path = host.Services.GetRequiredService<ModelCatalog>().Resolve(parse.GetValue(model)!);
            string name = Path.GetFileNameWithoutExtension(path);
            var status = (string message) => Console.Error.WriteLine($"bench: {message}");
            var context = new BenchContext(path, t, reps, r, options => loader.LoadLocal(path, options), new LlamaBenchTool(status), status);

            var machine = MachineInfo.Describe();
            string loadBefore = MachineInfo.LoadAverage();
            var parts = await BenchRunner.RunAsync(context, selected, ct);
            var summary = new BenchSummary(name, t, reps, r, machine, loadBefore, MachineInfo.LoadAverage(), parts);

            BenchReport.Write(AnsiConsole.Console, summary);
            if (parse.GetValue(json) is { Length: > 0 } file)
            {
                BenchReport.WriteJson(file, summary);
                Console.Error.WriteLine($"bench: wrote {file}");
            }

            return 0;
        });
        return command;
    }
}
