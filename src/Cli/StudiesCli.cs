using System.CommandLine;
using Studies.Cli.Commands;
using Studies.Cli.Output;

namespace Studies.Cli;

/// <summary>The `studies` command: one subcommand per job, each in its own file under Commands/.</summary>
public static class StudiesCli
{
    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("Studies: behavioral studies of language models under prompting (in-context learning, chain of thought, explanations, uncertainty; base vs assistant).");
        root.Options.Add(GlobalOptions.Verbose);
        root.Subcommands.Add(ModelsCommand.Build());
        root.Subcommands.Add(GenerateCommand.Build());
        root.Subcommands.Add(ScoreCommand.Build());
        root.Subcommands.Add(ValidateCommand.Build());
        root.Subcommands.Add(RunCommand.Build());
        root.Subcommands.Add(DiffCommand.Build());
        root.Subcommands.Add(ReportCommand.Build());
        root.Subcommands.Add(BenchCommand.Build());
        root.Subcommands.Add(ShiftCommand.Build());
        root.Subcommands.Add(DaemonCommand.Build());
        root.Subcommands.Add(StatusCommand.Build());
        return root;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        if (Console.IsOutputRedirected || Console.IsErrorRedirected)
        {
            // Spectre assumes 80 columns when not on a terminal; tables in logs and pipes read better wide.
            Spectre.Console.AnsiConsole.Profile.Width = 200;
        }

        var root = BuildRoot();
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0 && !args.Any(a => a is "-h" or "--help" or "-?"))
        {
            // A mistyped command line is a user error (exit 2), like every other; CI gates rely on 1 meaning "regression".
            foreach (var error in parse.Errors)
            {
                Console.Error.WriteLine($"error: {error.Message}");
            }

            Console.Error.WriteLine($"See '{string.Join(' ', parse.CommandResult.Command.Name is "studies" ? ["studies"] : new[] { "studies", parse.CommandResult.Command.Name })} --help'.");
            return Output.ErrorReporter.UserError;
        }

        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null }).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            return ErrorReporter.Report(e);
        }
    }
}
