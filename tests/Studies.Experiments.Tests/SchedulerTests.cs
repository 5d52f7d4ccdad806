using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Studies.Experiments.Engine;
using Studies.Experiments.Results;
using Studies.Experiments.Scheduling;
using Studies.Experiments.Tests.Fakes;
using Studies.Experiments.Validation;

namespace Studies.Experiments.Tests;

/// <summary>The scheduler end to end (fake model and kind injected): stopping, failures, resume, determinism, progress.</summary>
public sealed partial class SchedulerTests : IDisposable
{
    private const string Yaml = """
        studies:
          - name: colors
            kind: fake
            dataset: {synthetic: color, size: 12, seed: 5}
            seeds: [0, 1]
            models: [{name: tiny, backend: fake, concurrency: 3}, {name: other, backend: fake, concurrency: 2}]
            conditions: [{type: plain}, {type: prefixed, prefix: "Answer: "}]
        """;

    private const int Total = 12 * 2 * 2 * 2;

    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_full_run_records_every_trial_once_with_progress()
    {
        string path = _dir.File("exp.yaml", Yaml);
        using var engine = Engine();
        var progress = new RecordingProgress();

        var result = await engine.Engine.RunAsync(Request(path), progress, CancellationToken.None);

        Assert.Equal(RunStatus.Completed, result.Status);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(Total, result.Outcome!.Succeeded);
        var records = TrialLog.ReadLines(result.Folder!);
        Assert.Equal(Total, records.Count);
        Assert.Equal(Total, records.Select(r => r.Key).Distinct().Count());
        Assert.StartsWith(Path.Combine(_dir.Path, "results", "exp-"), result.Folder);
        Assert.Equal([RunStage.Validating, RunStage.LoadingModels, RunStage.Planning, RunStage.Running, RunStage.Finishing], progress.Stages);
        Assert.Equal(Total, progress.Started!.Total);
        Assert.Equal(RunStatus.Completed, progress.Finished!.Value.Status);
        Assert.Equal(Total, progress.Finished.Value.Snapshot.Completed);
        Assert.Equal([new StudyProgress("colors", Total, Total, 0)], progress.Finished.Value.Snapshot.Studies);
        var manifest = RunFolders.ReadManifest(result.Folder!)!;
        Assert.Equal("completed", manifest.Sessions.Single().Status);
        Assert.Equal(["tiny", "other"], manifest.Models.Select(m => m.Name));
        Assert.Equal("colors", manifest.Config.Studies.Single().Name);
        Assert.Equal(["yes", "no"], manifest.Config.Studies.Single().Labels);
    }

    [Fact]
    public async Task Stopping_takes_no_new_trials_but_finishes_and_saves_those_in_flight()
    {
        string path = _dir.File("exp.yaml", Yaml.Replace(", {name: other, backend: fake, concurrency: 2}", "", StringComparison.Ordinal));
        using var gate = new SemaphoreSlim(0);
        int started = 0;
        var allStarted = new TaskCompletionSource();
        var provider = new FakeModelProvider(n => new FakeLanguageModel(n)
        {
            Gate = gate,
            Started = () =>
            {
                if (Interlocked.Increment(ref started) == 3)
                {
                    allStarted.TrySetResult();
                }
            },
        }, "tiny");
        using var engine = Engine(provider);
        using var stop = new CancellationTokenSource();

        var run = engine.Engine.RunAsync(Request(path), NullRunProgress.Instance, stop.Token);
        await allStarted.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await stop.CancelAsync();
        await Task.Delay(100);
        gate.Release(1000);
        var result = await run.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(RunStatus.Interrupted, result.Status);
        Assert.Equal(130, result.ExitCode);
        Assert.Equal(3, Volatile.Read(ref started)); // nothing new was taken after the stop
        Assert.Equal(3, result.Outcome!.Succeeded);
        Assert.Equal(Total / 2 - 3, result.Outcome.NotRun);
        Assert.EndsWith("Resume with the same command.", result.Message);
        Assert.Equal(3, TrialLog.ReadLines(result.Folder!).Count);
        Assert.Equal("interrupted", RunFolders.ReadManifest(result.Folder!)!.Sessions.Single().Status);

        // The same command resumes the same folder and runs only what is left.
        using var again = Engine();
        var resumed = await again.Engine.RunAsync(Request(path), NullRunProgress.Instance, CancellationToken.None);
        Assert.Equal(RunStatus.Completed, resumed.Status);
        Assert.True(resumed.Resumed);
        Assert.Equal(result.Folder, resumed.Folder);
        Assert.Equal(3, resumed.Outcome!.Skipped);
        Assert.Equal(Total / 2 - 3, resumed.Outcome.Succeeded);
        Assert.Equal(Total / 2, TrialLog.ReadLines(resumed.Folder!).Count);
    }

    [Fact]
    public async Task Aborting_cuts_in_flight_trials_short_without_recording_them()
    {
        string path = _dir.File("exp.yaml", Yaml);
        using var gate = new SemaphoreSlim(0);
        var inFlight = new TaskCompletionSource();
        var provider = new FakeModelProvider(n => new FakeLanguageModel(n) { Gate = gate, Started = () => inFlight.TrySetResult() }, "tiny", "other");
        using var engine = Engine(provider);
        using var stop = new CancellationTokenSource();
        using var abort = new CancellationTokenSource();

        var run = engine.Engine.RunAsync(Request(path), NullRunProgress.Instance, stop.Token, abort.Token);
        await inFlight.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await stop.CancelAsync();
        await abort.CancelAsync();
        var result = await run.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(RunStatus.Interrupted, result.Status);
        Assert.Equal(0, result.Outcome!.Succeeded + result.Outcome.Failed);
        Assert.Empty(TrialLog.ReadLines(result.Folder!));
    }

    [Fact]
    public async Task A_trial_that_throws_is_recorded_as_failed_and_the_run_goes_on()
    {
        _dir.File("d.jsonl", "{\"id\": \"ok1\", \"text\": \"fine\", \"label\": \"happy\"}\n{\"id\": \"bad\", \"text\": \"FAIL here\", \"label\": \"sad\"}\n{\"id\": \"ok2\", \"text\": \"also fine\", \"label\": \"sad\"}\n");
        string path = _dir.File("exp.yaml", "studies:\n  - {name: s, kind: fake, dataset: d.jsonl, demos: 0, models: [{name: tiny, backend: fake}]}\n");
        using var engine = Engine();
        var progress = new RecordingProgress();

        var result = await engine.Engine.RunAsync(Request(path), progress, CancellationToken.None);

        Assert.Equal(RunStatus.CompletedWithFailures, result.Status);
        Assert.Equal(3, result.ExitCode);
        Assert.Equal((2, 1), (result.Outcome!.Succeeded, result.Outcome.Failed));
        var failed = Assert.Single(TrialLog.ReadAll(result.Folder!), r => r.Status == TrialStatus.Failed);
        Assert.Equal(("bad", "The fake model was asked to fail.", "ModelBackendException"), (failed.ItemId, failed.Error, failed.ErrorType));
        Assert.Null(failed.Output);
        var failure = Assert.Single(progress.Failures);
        Assert.Equal(("s", "tiny", "bad"), (failure.Study, failure.Model, failure.ItemId));

        // Running again retries only the failed trial; its newer line wins.
        using var again = Engine();
        var retried = await again.Engine.RunAsync(Request(path), NullRunProgress.Instance, CancellationToken.None);
        Assert.Equal(2, retried.Outcome!.Skipped);
        Assert.Equal(1, retried.Outcome.Failed);
        Assert.Equal(3, TrialLog.ReadAll(retried.Folder!).Count);
    }

    [Fact]
    public async Task Same_config_and_seed_give_identical_trials_apart_from_timings()
    {
        string path = _dir.File("exp.yaml", Yaml);
        using var engine = Engine();
        var first = await engine.Engine.RunAsync(Request(path, forceNew: true), NullRunProgress.Instance, CancellationToken.None);

        // A second run, interrupted once and resumed, in another folder.
        string second = _dir.Combine("second");
        using var gate = new SemaphoreSlim(0);
        int started = 0;
        var busy = new TaskCompletionSource();
        var provider = new FakeModelProvider(n => new FakeLanguageModel(n)
        {
            Gate = gate,
            Started = () =>
            {
                if (Interlocked.Increment(ref started) >= 9)
                {
                    busy.TrySetResult();
                }
            },
        }, "tiny", "other");
        using (var stopping = Engine(provider))
        {
            using var stop = new CancellationTokenSource();
            var run = stopping.Engine.RunAsync(Request(path, second), NullRunProgress.Instance, stop.Token);
            gate.Release(7);
            await busy.Task.WaitAsync(TimeSpan.FromSeconds(30));
            await stop.CancelAsync();
            gate.Release(1000);
            Assert.Equal(RunStatus.Interrupted, (await run).Status);
        }

        var resumed = await engine.Engine.RunAsync(Request(path, second), NullRunProgress.Instance, CancellationToken.None);
        Assert.Equal(RunStatus.Completed, resumed.Status);
        Assert.True(resumed.Outcome!.Skipped > 0);

        Assert.Equal(WithoutTimings(first.Folder!), WithoutTimings(second));
        Assert.Equal(RunFolders.ReadManifest(first.Folder!)!.ConfigHash, RunFolders.ReadManifest(second)!.ConfigHash);
    }

    [Fact]
    public async Task Running_the_same_config_again_resumes_its_folder_and_another_config_starts_a_new_one()
    {
        string path = _dir.File("exp.yaml", Yaml);
        using var engine = Engine();
        var first = await engine.Engine.RunAsync(Request(path), NullRunProgress.Instance, CancellationToken.None);
        var again = await engine.Engine.RunAsync(Request(path), NullRunProgress.Instance, CancellationToken.None);
        await Task.Delay(1100); // folder names have one-second resolution (a suffix would also keep them apart)
        _dir.File("exp.yaml", Yaml.Replace("seed: 5", "seed: 6", StringComparison.Ordinal));
        var changed = await engine.Engine.RunAsync(Request(path), NullRunProgress.Instance, CancellationToken.None);
        var refused = await engine.Engine.RunAsync(Request(path, first.Folder), NullRunProgress.Instance, CancellationToken.None);

        Assert.Equal(first.Folder, again.Folder);
        Assert.True(again.Resumed);
        Assert.Equal(Total, again.Outcome!.Skipped);
        Assert.NotEqual(first.Folder, changed.Folder);
        Assert.False(changed.Resumed);
        Assert.Equal(RunStatus.Invalid, refused.Status);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("holds a run of a different configuration", refused.Message);
    }

    [Fact]
    public async Task Invalid_files_run_nothing_and_return_every_problem()
    {
        string path = _dir.File("exp.yaml", "studies:\n  - {name: s, kind: fak, dataset: nothing.jsonl, models: [{name: tiny, backend: fake}]}\n");
        using var engine = Engine();

        var result = await engine.Engine.RunAsync(Request(path), NullRunProgress.Instance, CancellationToken.None);

        Assert.Equal(RunStatus.Invalid, result.Status);
        Assert.Equal(2, result.Problems.Count);
        Assert.Equal($"2 problems found in {path}; nothing was run. Fix them and run again.", result.Message);
        Assert.False(Directory.Exists(_dir.Combine("results")));
    }

    [Fact]
    public async Task The_hosted_service_runs_the_request_and_stops_the_host()
    {
        string path = _dir.File("exp.yaml", Yaml);
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddStudyRunService(r => r.StudyFile = path);
        builder.Services.AddSingleton<Studies.Experiments.Kinds.IStudyKind>(new FakeStudyKind());
        builder.Services.AddSingleton<Studies.Experiments.Models.IModelProvider>(new FakeModelProvider(n => new FakeLanguageModel(n), "tiny", "other"));
        builder.Services.Configure<ResultsOptions>(o => o.Root = _dir.Combine("results"));
        using var host = builder.Build();
        var service = host.Services.GetRequiredService<StudyRunService>();

        await host.RunAsync().WaitAsync(TimeSpan.FromSeconds(60));

        var result = service.Result;
        Assert.Equal(RunStatus.Completed, result!.Status);
        Assert.Equal(Total, TrialLog.ReadAll(result.Folder!).Count);
    }

    [Fact]
    public async Task Stopping_the_host_interrupts_the_run_gracefully()
    {
        string path = _dir.File("exp.yaml", Yaml);
        using var gate = new SemaphoreSlim(0);
        int started = 0;
        var busy = new TaskCompletionSource();
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddStudyRunService(r => r.StudyFile = path);
        builder.Services.AddSingleton<Studies.Experiments.Kinds.IStudyKind>(new FakeStudyKind());
        builder.Services.AddSingleton<Studies.Experiments.Models.IModelProvider>(new FakeModelProvider(n => new FakeLanguageModel(n)
        {
            Gate = gate,
            Started = () =>
            {
                if (Interlocked.Increment(ref started) >= 6)
                {
                    busy.TrySetResult();
                }
            },
        }, "tiny", "other"));
        builder.Services.Configure<ResultsOptions>(o => o.Root = _dir.Combine("results"));
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
        using var host = builder.Build();
        await host.StartAsync();
        gate.Release(4);
        await busy.Task.WaitAsync(TimeSpan.FromSeconds(30)); // 4 finished, the next ones in flight

        // Release what is in flight (at most 5: concurrency 3 + 2). A trial taken before the stop was seen would wait
        // on the gate until the host's shutdown timeout aborts it (not recorded): the run is interrupted either way.
        var stopping = host.StopAsync();
        gate.Release(5);
        await stopping.WaitAsync(TimeSpan.FromSeconds(60));

        var result = await host.Services.GetRequiredService<StudyRunService>().Completion;
        Assert.Equal(RunStatus.Interrupted, result.Status);
        Assert.True(result.Outcome!.Succeeded >= 4);
        Assert.Equal(result.Outcome.Succeeded, TrialLog.ReadLines(result.Folder!).Count);
    }

    private static string[] WithoutTimings(string folder) =>
        File.ReadAllLines(Path.Combine(folder, TrialLog.FileName)).Select(l => Timings().Replace(l, "")).ToArray();

    [GeneratedRegex(",\"timings\":\\{[^}]*\\}")]
    private static partial Regex Timings();

    private TestEngine Engine(FakeModelProvider? provider = null) =>
        new(_dir.Combine("results"), provider ?? new FakeModelProvider(n => new FakeLanguageModel(n), "tiny", "other"));

    private static StudyRunRequest Request(string path, string? folder = null, bool forceNew = false) =>
        new() { StudyFile = path, OutputFolder = folder, ForceNew = forceNew, Args = ["run", path], Selection = StudySelection.All };
}
