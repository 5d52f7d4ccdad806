using Spectre.Console;

namespace Studies.Cli.Output;

/// <summary>
/// The console for messages (stderr). When stderr is a file or pipe, lines are not wrapped at Spectre's assumed 80
/// columns, so each message stays on one greppable line.
/// </summary>
internal static class StderrConsole
{
    public static IAnsiConsole Create()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        if (Console.IsErrorRedirected)
        {
            console.Profile.Width = 1000;
        }

        return console;
    }
}
