using System.Diagnostics;
using Studies.Experiments.Results;
using Xunit.Abstractions;

namespace Studies.Experiments.Tests.Sweeps;

/// <summary>
/// The acceptance test of the daemon: a sweep of 6 runs on the real stories260K pair, SIGKILLed at 5 seeded random
/// moments and restarted each time, ends with exactly the trials of an uninterrupted sweep — same keys, no duplicates,
/// identical lines but for timings (see <see cref="TrialLines.Difference"/>), every trials.jsonl parseable.
/// </summary>
[Collection(DaemonProcessCollection.Name)]
public sealed class DaemonKillTests(ITestOutputHelper log) : IDisposable
{
    private static readonly TimeSpan SweepTimeout = TimeSpan.FromMinutes(4);
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_sweep_killed_five_times_ends_with_exactly_the_trials_of_an_uninterrupted_one()
    {
        string sweep = SweepFiles.Write(_dir, SweepFiles.Sweep("[sentiment]", "[0, 1, 2]", "[0, 2]"));
        string reference = _dir.Combine("reference");
        string killed = _dir.Combine("killed");
        string[] Args(string state) => ["daemon", "--sweep", sweep, "--state", state, "--exit-when-done", "--poll", "0.5", "--heartbeat", "1"];

        var clock = Stopwatch.StartNew();
        var (code, output) = await DaemonProcess.RunAsync(_dir.Path, SweepTimeout, Args(reference));
        Assert.True(code == 0, output);
        var uninterrupted = clock.Elapsed;
        log.WriteLine($"uninterrupted sweep: {uninterrupted.TotalSeconds:F1} s");

        // Kill moments: seeded, spread over the first part of a sweep's length so most land mid-run.
        var random = new Random(20261124);
        int midSweep = 0;
        for (int kill = 1; kill <= 5; kill++)
        {
            using var daemon = DaemonProcess.Start(_dir.Path, Args(killed));
            var delay = TimeSpan.FromSeconds(0.5 + random.NextDouble() * uninterrupted.TotalSeconds / 4);
            await Task.Delay(delay);
            bool exitedEarly = daemon.HasExited;
            daemon.KillNow();
            var partial = TrialKeys.Lines(killed).Count(r => r.Value.Count > 0 && !File.Exists(Path.Combine(killed, "runs", r.Key, "results", "report.md")));
            midSweep += exitedEarly ? 0 : 1;
            log.WriteLine($"kill {kill} after {delay.TotalSeconds:F2} s: {(exitedEarly ? "already done" : "SIGKILL")}, {partial} run(s) with results and no report yet");
        }

        Assert.True(midSweep >= 3, $"only {midSweep} of 5 kills landed while the sweep ran; the machine may be much slower than the reference run");
        (code, output) = await DaemonProcess.RunAsync(_dir.Path, SweepTimeout, Args(killed));
        Assert.True(code == 0, output);

        var expected = TrialKeys.Lines(reference);
        var actual = TrialKeys.Lines(killed);
        Assert.Equal(6, expected.Count);
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach (var (run, lines) in expected)
        {
            var keys = TrialKeys.Keys(run, lines);
            Assert.Equal(keys, TrialKeys.Keys(run, actual[run]));
            Assert.Equal(lines.Count, actual[run].Count);
            for (int i = 0; i < lines.Count; i++)
            {
                Assert.True(TrialLines.Difference(lines[i], actual[run][i]) is null,
                    $"run {run}, line {i + 1}: {TrialLines.Difference(lines[i], actual[run][i])}\n uninterrupted: {lines[i]}\n killed:        {actual[run][i]}");
            }

            Assert.Equal(lines.Count, TrialLog.ReadLines(Path.Combine(killed, "runs", run, "results")).Count);
        }

        (code, output) = await DaemonProcess.RunAsync(_dir.Path, TimeSpan.FromMinutes(1), "status", "--state", killed);
        Assert.Equal(0, code);
        Assert.Equal("sweep complete: 6/6 runs done", output.TrimEnd().Split('\n')[^1]);
        Assert.True(File.Exists(Path.Combine(killed, "report", "sweep-report.md")));
    }
}
