using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Studies.Cli.Hosting;
using Studies.Cli.Output;
using Studies.Analysis.Sweeps;
using Studies.Experiments.Sweeps;

namespace Studies.Cli.Commands;

/// <summary>
/// `studies daemon --sweep sweep.yaml --state DIR`: works through a sweep as a hosted service (systemd-aware), resuming
/// where the state folder says it stopped. SIGTERM / Ctrl+C: no new trials, in-flight ones finish and are saved,
/// exit 0. Exit codes: 0 stopped or done, 1 faulted, 2 the sweep file has problems, 4 another daemon holds the folder.
/// </summary>
internal static class DaemonCommand
{
    public static Command Build()
    {
        var sweep = new Option<string>("--sweep") { Description = "The sweep file (grid of models x studies x seeds x parameters).", Required = true };
        var state = new Option<string>("--state") { Description = "The state folder: runs, their results, lock, queue/ for more sweep files.", Required = true };
        var statusPort = new Option<int?>("--status-port") { Description = "Serve the status as JSON on http://127.0.0.1:PORT/." };
        var poll = new Option<double>("--poll") { Description = "Seconds between re-reads of the sweep file and queue/.", DefaultValueFactory = _ => 5 };
        var heartbeat = new Option<double>("--heartbeat") { Description = "Seconds between status lines in the log.", DefaultValueFactory = _ => 30 };
        var exitWhenDone = new Option<bool>("--exit-when-done") { Description = "Exit once every run is settled instead of waiting for the sweep to grow." };
        var maxAttempts = new Option<int>("--max-attempts") { Description = "Starts of a faulting run before it is left failed.", DefaultValueFactory = _ => 5 };
        var shutdown = new Option<double>("--shutdown-timeout") { Description = "Seconds SIGTERM waits for in-flight trials.", DefaultValueFactory = _ => 600 };
        var noReport = new Option<bool>("--no-report") { Description = "Do not write the sweep report when the sweep is complete." };
        var command = new Command("daemon", "Work through a sweep of runs as a long-running service; resumes after restarts and crashes.")
        {
            sweep, state, statusPort, poll, heartbeat, exitWhenDone, maxAttempts, shutdown, noReport,
        };
        command.SetAction(async (parse, ct) =>
        {
            var options = new SweepDaemonOptions
            {
                SweepFile = Path.GetFullPath(parse.GetValue(sweep)!),
                StateDirectory = Path.GetFullPath(parse.GetValue(state)!),
                StatusPort = parse.GetValue(statusPort),
                PollInterval = TimeSpan.FromSeconds(Math.Max(0.1, parse.GetValue(poll))),
                HeartbeatInterval = TimeSpan.FromSeconds(Math.Max(0.1, parse.GetValue(heartbeat))),
                ExitWhenDone = parse.GetValue(exitWhenDone),
                MaxAttempts = Math.Max(1, parse.GetValue(maxAttempts)),
                Report = !parse.GetValue(noReport),
                Args = Environment.GetCommandLineArgs().Skip(1).ToArray(),
            };

            // A sweep file with problems is refused up front (later edits with problems are logged and skipped instead).
            var (definition, problems) = SweepFileReader.Read(options.SweepFile);
            if (definition is not null)
            {
                problems = [.. problems, .. SweepExpander.Expand(definition).Problems];
            }

            if (problems.Count > 0)
            {
                ProblemPrinter.Print(problems);
                Console.Error.WriteLine($"{problems.Count} problem(s) in {options.SweepFile}: fix them and start the daemon again.");
                return 2;
            }

            using var folder = DaemonLock.TryAcquire(options.StateDirectory, out int? holder);
            if (folder is null)
            {
                Console.Error.WriteLine($"error: another daemon{(holder is { } pid ? $" (pid {pid})" : "")} is working on {options.StateDirectory}: " +
                    $"stop it first{(holder is { } p ? $" (kill -TERM {p})" : "")}, or use another --state folder.");
                return 4;
            }

            double shutdownSeconds = Math.Max(1, parse.GetValue(shutdown));
            using var host = CliHost.Build(parse.GetValue(GlobalOptions.Verbose), services =>
            {
                services.AddStudiesCli();
                services.AddSingleton<ISweepReporter, SweepReporter>();
                services.AddSweepDaemon(options);
                services.AddSystemd();
                services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(shutdownSeconds));

                // A daemon's log is its record: information and up (heartbeats, runs starting and ending).
                services.Configure<LoggerFilterOptions>(o => o.MinLevel = parse.GetValue(GlobalOptions.Verbose) ? LogLevel.Debug : LogLevel.Information);
            });
            if (folder.StalePid is { } stale)
            {
                host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Studies.Daemon")
                    .LogWarning("Took over {State} from daemon pid {Pid}, which died without releasing it", options.StateDirectory, stale);
            }

            // The host's lifetime (console or systemd) turns SIGTERM / Ctrl+C into a graceful stop.
            var outcome = host.Services.GetRequiredService<SweepDaemonOutcome>();
            await host.RunAsync(CancellationToken.None);
            return outcome.ExitCode;
        });
        return command;
    }
}
