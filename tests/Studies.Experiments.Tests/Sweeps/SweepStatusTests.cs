using Studies.Experiments.Sweeps;

namespace Studies.Experiments.Tests.Sweeps;

/// <summary>`studies status` from the state folder alone: counts from trials.jsonl, phases, the summary line.</summary>
public sealed class SweepStatusTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    private static SweepPoint Point(string id, string seed) => new()
    {
        Id = id,
        Study = "sentiment",
        Models = ["stories260K", "stories260K-chat"],
        Seed = seed,
        Parameters = [new SweepParameter("shots", "2")],
        Lane = "local",
        Source = "/tmp/sweep.yaml",
        SweepName = "test",
        StudyYaml = "studies: []\n",
    };

    private static string Line(string key, string status, int second) =>
        $"{{\"key\":\"{key}\",\"study\":\"s\",\"status\":\"{status}\",\"output\":\"x\",\"timings\":{{\"elapsed_ms\":1,\"finished_utc\":\"2026-01-01T00:00:{second:00}+00:00\"}}}}\n";

    private SweepStateStore Store(params (SweepPoint Point, RunState State, string Trials)[] runs)
    {
        var store = new SweepStateStore(_dir.Combine("state"));
        store.Create();
        foreach (var (point, state, trials) in runs)
        {
            store.Register(point);
            store.WriteState(point.Id, state);
            Directory.CreateDirectory(store.ResultsDirectory(point.Id));
            File.WriteAllText(Path.Combine(store.ResultsDirectory(point.Id), "trials.jsonl"), trials);
        }

        store.WriteManifest(new SweepManifest { Name = "test", Points = runs.Select(r => r.Point.Id).ToList() });
        return store;
    }

    [Fact]
    public void A_finished_sweep_says_complete_on_its_last_line()
    {
        var store = Store(
            (Point("a-1", "0"), new RunState { Phase = RunPhase.Done, Total = 2, Attempts = 1 }, Line("k1", "ok", 1) + Line("k2", "ok", 2)),
            (Point("a-2", "1"), new RunState { Phase = RunPhase.Done, Total = 2, Attempts = 2 }, Line("k3", "ok", 1) + Line("k4", "ok", 3)));

        var status = SweepStatusReader.Read(store, TimeProvider.System);
        string text = SweepStatusText.Render(status);

        Assert.True(status.Complete);
        Assert.Equal("sweep complete: 2/2 runs done", text.TrimEnd().Split('\n')[^1]);
        Assert.Contains("a-1", text);
        Assert.Contains("2/2", text);
        Assert.Contains("seed=0 shots=2", text);
        Assert.Equal(1.0, status.Runs[0].TrialsPerSecond, 6);
    }

    [Fact]
    public void Counts_come_from_the_trials_a_torn_line_is_ignored_and_a_dead_daemons_run_is_pending()
    {
        var store = Store(
            (Point("a-1", "0"), new RunState { Phase = RunPhase.Done, Total = 2, Attempts = 1 }, Line("k1", "ok", 1) + Line("k2", "ok", 2)),
            (Point("a-2", "1"), new RunState { Phase = RunPhase.Running, Total = 4, Attempts = 1 },
                Line("k3", "failed", 1) + Line("k4", "ok", 2) + Line("k3", "ok", 3) + Line("k5", "failed", 4) + "{\"key\":\"k6\",\"sta"),
            (Point("a-3", "2"), new RunState { Phase = RunPhase.Failed, Error = "model 'x' not found", Attempts = 1 }, ""));

        var status = SweepStatusReader.Read(store, TimeProvider.System);
        var run = status.Runs[1];

        Assert.Equal(2, run.Done);         // k4, and k3 whose retry succeeded
        Assert.Equal(1, run.FailedTrials); // k5; the torn k6 line is not counted
        Assert.Equal(4, run.Total);
        Assert.Equal(RunPhase.Pending, run.Phase); // no daemon holds the folder
        Assert.Null(status.DaemonPid);
        string text = SweepStatusText.Render(status);
        Assert.Contains("interrupted", text);
        Assert.Contains("a-3 failed (attempt 1, not retried): model 'x' not found", text);
        Assert.StartsWith("sweep stopped: 1/3 runs done, 0 running, 1 failed", text.TrimEnd().Split('\n')[^1]);
    }

    [Fact]
    public void Points_that_left_the_sweep_are_listed_apart_and_not_counted()
    {
        var store = Store(
            (Point("a-1", "0"), new RunState { Phase = RunPhase.Done, Total = 1 }, Line("k1", "ok", 1)),
            (Point("a-2", "1"), new RunState { Phase = RunPhase.Done, Total = 1 }, Line("k2", "ok", 1)));
        store.WriteManifest(new SweepManifest { Name = "test", Points = ["a-1"] });

        var status = SweepStatusReader.Read(store, TimeProvider.System);

        Assert.Equal(["a-1"], status.Runs.Select(r => r.Id));
        Assert.Equal(["a-2"], status.Retired.Select(r => r.Id));
        Assert.Equal("sweep complete: 1/1 runs done", status.Summary);
    }
}
