using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Xunit.Abstractions;

namespace Studies.Experiments.Tests.Sweeps;

/// <summary>
/// The daemon as an operator meets it: a second daemon on the same folder is refused; status (command and
/// --status-port) while it runs; the sweep grows through an edited sweep file and a queue file while points that
/// leave are kept untouched; SIGTERM stops it within seconds with exit code 0; the next daemon finishes the sweep.
/// </summary>
[Collection(DaemonProcessCollection.Name)]
public sealed class DaemonLifecycleTests(ITestOutputHelper log) : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(2);
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Refusal_status_growth_and_sigterm_then_a_restart_finishes_the_sweep()
    {
        string sweep = SweepFiles.Write(_dir, SweepFiles.Sweep("[sentiment]", "[0, 1, 2, 3]", "[0, 2]"));
        string state = _dir.Combine("state");
        int port = FreePort();
        string[] args = ["daemon", "--sweep", sweep, "--state", state, "--poll", "0.5", "--heartbeat", "1", "--status-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)];

        using var daemon = DaemonProcess.Start(_dir.Path, args);
        await Until(() => TrialKeys.Lines(state).Values.Any(l => l.Count > 0), "the first trials", daemon);

        // A second daemon on the same folder is refused, naming the first.
        var (code, output) = await DaemonProcess.RunAsync(_dir.Path, Bound, args);
        Assert.Equal(4, code);
        Assert.Contains($"another daemon (pid {daemon.Pid})", output);

        // Status from the state alone, and as JSON from the daemon.
        (code, output) = await DaemonProcess.RunAsync(_dir.Path, Bound, "status", "--state", state);
        Assert.Equal(0, code);
        Assert.StartsWith("sweep in progress:", output.TrimEnd().Split('\n')[^1]);
        Assert.Contains($"daemon pid {daemon.Pid}", output);
        using (var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) })
        {
            using var json = JsonDocument.Parse(await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/")));
            Assert.Equal(daemon.Pid, json.RootElement.GetProperty("daemon_pid").GetInt32());
            Assert.Equal(8, json.RootElement.GetProperty("runs").GetArrayLength());
            Assert.StartsWith("sweep in progress:", json.RootElement.GetProperty("summary").GetString());
        }

        // The sweep grows: seed 4 appears and shots=0 leaves (edited file); a queue file adds a colors run.
        var before = Points(state);
        File.WriteAllText(sweep, SweepFiles.Sweep("[sentiment]", "[0, 1, 2, 3, 4]", "[2]"));
        File.WriteAllText(Path.Combine(state, "queue", "extra.yaml"), """
            study_file: base.yaml
            grid: {studies: [colors], models: [[stories260K, stories260K-chat]], seeds: [0]}
            """); // relative to the sweep file's folder, not the queue's
        await Until(() => Points(state).Count == 6 && !Points(state).SequenceEqual(before), "the grown sweep", daemon);
        var current = Points(state);
        var retired = before.Except(current).ToList();
        Assert.Equal(4, retired.Count); // the shots=0 runs
        Assert.Equal(4, current.Intersect(before).Count()); // shots=2 runs keep their ids

        // SIGTERM: no new trials, in-flight ones finish, exit 0 within seconds.
        var clock = Stopwatch.StartNew();
        daemon.Terminate();
        code = await daemon.WaitAsync(Bound);
        log.WriteLine($"SIGTERM to exit: {clock.Elapsed.TotalSeconds:F2} s");
        Assert.True(code == 0, daemon.Output);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"SIGTERM took {clock.Elapsed.TotalSeconds:F1} s");
        Assert.Contains("Daemon stopped", daemon.Output);
        Assert.DoesNotContain("\"phase\": \"running\"", string.Concat(Directory.GetFiles(Path.Combine(state, "runs"), "state.json", SearchOption.AllDirectories).Select(File.ReadAllText)));
        var retiredLines = TrialKeys.Lines(state).Where(r => retired.Contains(r.Key)).ToDictionary(r => r.Key, r => r.Value);

        // The next daemon finishes what the sweep holds now, and leaves the points that left alone.
        (code, output) = await DaemonProcess.RunAsync(_dir.Path, TimeSpan.FromMinutes(4), [.. args, "--exit-when-done"]);
        Assert.True(code == 0, output);
        var lines = TrialKeys.Lines(state);
        foreach (string run in current)
        {
            Assert.NotEmpty(TrialKeys.Keys(run, lines[run]));
        }

        foreach (var (run, kept) in retiredLines)
        {
            Assert.Equal(kept, lines[run]);
        }

        (code, output) = await DaemonProcess.RunAsync(_dir.Path, Bound, "status", "--state", state);
        Assert.Equal("sweep complete: 6/6 runs done", output.TrimEnd().Split('\n')[^1]);
        Assert.Contains("4 run(s) of points no longer in the sweep are kept", output);
        string report = File.ReadAllText(Path.Combine(state, "report", "sweep-report.md"));
        Assert.Contains("## Accuracy across runs", report);
        Assert.Contains("## Base vs assistant", report);
        Assert.Contains("colors", report);
    }

    private static List<string> Points(string state)
    {
        string path = Path.Combine(state, "points.json");
        if (!File.Exists(path))
        {
            return [];
        }

        using var json = JsonDocument.Parse(File.ReadAllText(path));
        return json.RootElement.GetProperty("points").EnumerateArray().Select(p => p.GetString()!).ToList();
    }

    private static async Task Until(Func<bool> condition, string what, DaemonProcess daemon)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (daemon.HasExited || clock.Elapsed > Bound)
            {
                Assert.Fail($"waited for {what} in vain (daemon {(daemon.HasExited ? $"exited with {daemon.ExitCode}" : "still running")}). Output:\n{daemon.Output}");
            }

            await Task.Delay(100);
        }
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
