using System.Text.Json;
using Spectre.Console;
using Studies.Backends;

namespace Studies.Cli.Output;

/// <summary>
/// Turns exceptions into exit codes: a user mistake is one clear line on stderr (exit 2), never a stack trace;
/// Ctrl+C is exit 130; only a bug prints its stack trace (exit 1).
/// </summary>
internal static class ErrorReporter
{
    public const int UserError = 2;
    public const int Cancelled = 130;

    public static int Report(Exception e)
    {
        var console = StderrConsole.Create();
        switch (e)
        {
            case OperationCanceledException:
                console.MarkupLine("[yellow]cancelled[/]");
                return Cancelled;
            case ModelBackendException or UserInputException or FileNotFoundException or DirectoryNotFoundException or JsonException:
                console.MarkupLine($"[red]error:[/] {Markup.Escape(e.Message)}");
                return UserError;
            default:
                console.MarkupLine("[red]internal error (please report it):[/]");
                console.WriteException(e);
                return 1;
        }
    }
}

/// <summary>A mistake in what the user asked for (arguments, files), reported as one line.</summary>
public sealed class UserInputException(string message) : Exception(message);
