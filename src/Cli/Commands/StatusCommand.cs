using System.CommandLine;
using System.Text.Json;
using Studies.Experiments.Sweeps;

namespace Studies.Cli.Commands;

/// <summary>
/// `studies status --state DIR`: the sweep's progress per run (done / total, trials/s, ETA, failures) from the state
/// folder alone, whether or not a daemon runs; the last line sums it up ("sweep complete: 6/6 runs done").
/// Exit codes: 0 complete or in progress, 1 settled with failed runs, 2 not a state folder.
/// </summary>
internal static class StatusCommand
{
    public static Command Build()
    {
        var state = new Option<string>("--state") { Description = "The daemon's state folder.", Required = true };
        var json = GlobalOptions.Json();
        var command = new Command("status", "Show a sweep's progress from its state folder.") { state, json };
        command.SetAction(parse =>
        {
            var store = new SweepStateStore(parse.GetValue(state)!);
            if (!store.Exists)
            {
                Console.Error.WriteLine($"error: {store.Directory} is not a sweep state folder (no points.json or runs/): give the --state of `studies daemon`.");
                return 2;
            }

            var status = SweepStatusReader.Read(store, TimeProvider.System);
            Console.Write(parse.GetValue(json)
                ? JsonSerializer.Serialize(status, SweepJsonContext.Default.SweepStatus) + "\n"
                : SweepStatusText.Render(status));
            return status.Settled && !status.Complete ? 1 : 0;
        });
        return command;
    }
}
