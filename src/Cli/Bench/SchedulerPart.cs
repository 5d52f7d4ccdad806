using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Studies.Experiments.Config;
using Studies.Experiments.Models;
using Studies.Experiments.Planning;
using Studies.Experiments.Results;
using Studies.Experiments.Scheduling;

namespace Studies.Cli.Bench;

/// <summary>
/// Part 4: the engine's own cost. A plan of 100,000 icl-shaped trials runs through the real scheduler and result store
/// (workers, records, trials.jsonl with its batched writes, fsyncs and final compaction) on a backend that answers at once,
/// so the wall time per trial is their overhead; the baseline is the same trials' Execute called in a plain loop (the
/// backend and the kind's own scoring). Then the finished run is resumed as `studies run` resumes it: the store opens
/// (torn-line check, every key read) and the scheduler skips every trial.
/// </summary>
internal sealed class SchedulerPart : IBenchmarkPart
{
    private const int Trials = 100_000;
    private const double OverheadTargetMicroseconds = 50;
    private const double ResumeTargetSeconds = 2;
    private static readonly int[] Lanes = [1, 2];

    public string Key => "scheduler";

    public string Baseline => "direct calls / target";

    public string Title => $"4. Scheduler and result store overhead per trial (instant backend, {Trials:N0} trials) and resume of {Trials:N0} finished trials";

    public async Task<BenchPartResult> RunAsync(BenchContext context, CancellationToken ct)
    {
        var result = new BenchPartResult(this);
        var runner = new StudyRunner(Options.Create(new SchedulerOptions()), TimeProvider.System, NullLogger<StudyRunner>.Instance);
        var folder = Directory.CreateTempSubdirectory("studies-bench-");
        try
        {
            foreach (int workers in Lanes)
            {
                await using var loaded = new LoadedModel(new ModelSpec { Name = "instant", Concurrency = workers }, new InstantLanguageModel(), workers);
                var plan = SchedulerWorkload.Build(loaded, Trials);
                var run = new Measurement();
                var direct = new Measurement();
                long allocated = 0;
                string runFolder = Path.Combine(folder.FullName, $"run-{workers}");

                // Warm-up: the JIT promotes the hot paths to optimized code during the first thousands of trials.
                await RunFreshAsync(runner, SchedulerWorkload.Build(loaded, 20_000), loaded, runFolder, ct);
                await CallDirectlyAsync(plan, ct);
                for (int round = 1; round <= context.Rounds; round++)
                {
                    context.Status($"scheduler round {round}/{context.Rounds}: {Trials:N0} trials, {workers} worker(s)");
                    direct.Add(await CallDirectlyAsync(plan, ct) / Trials * 1e6);
                    long before = GC.GetTotalAllocatedBytes(precise: true);
                    run.Add(await RunFreshAsync(runner, plan, loaded, runFolder, ct) / Trials * 1e6);
                    allocated += GC.GetTotalAllocatedBytes(precise: true) - before;
                }

                double overhead = Math.Max(run.Median - direct.Median, 0);
                string key = $"overhead_{workers}w";
                double headroom = OverheadTargetMicroseconds / Math.Max(overhead, 1e-3);
                bool met = result.Target(key, headroom, 1);
                result.Figure($"{key}.run", run, "us_per_trial");
                result.Figure($"{key}.direct", direct, "us_per_trial");
                result.Figure($"{key}.us_per_trial", overhead);
                result.Figure($"{key}.managed_bytes_per_trial", (double)allocated / (Trials * context.Rounds));
                result.Row(new BenchRow($"wall time per trial, {workers} worker(s), µs (scheduler + store + the trial's own scoring)", run.Format(1), direct.Format(1), null, "", null));
                result.Row(new BenchRow($"overhead per trial, {workers} worker(s), µs (run - direct calls)",
                    overhead.ToString("N1", CultureInfo.InvariantCulture), $"{OverheadTargetMicroseconds:N0}", headroom,
                    $"< {OverheadTargetMicroseconds:N0} µs", met));

                if (workers == Lanes[0])
                {
                    await ResumeFinishedRunAsync(context, result, runner, plan, loaded, runFolder, ct);
                }
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }

        return result;
    }

    /// <summary>Resumes the finished run in <paramref name="runFolder"/> repeatedly: open, skip everything, finish.</summary>
    private static async Task ResumeFinishedRunAsync(BenchContext context, BenchPartResult result, StudyRunner runner, StudyPlan plan, LoadedModel loaded, string runFolder, CancellationToken ct)
    {
        var resume = new Measurement();
        long bytes = new FileInfo(Path.Combine(runFolder, TrialLog.FileName)).Length;
        for (int round = 0; round <= context.Rounds; round++)
        {
            context.Status($"scheduler: resuming a finished run of {Trials:N0} trials ({bytes / 1048576.0:N0} MiB of trials.jsonl)");
            var clock = Stopwatch.StartNew();
            var outcome = await RunAsync(runner, plan, loaded, runFolder, ct);
            double seconds = clock.Elapsed.TotalSeconds;
            if (outcome.Skipped != Trials || outcome.Succeeded != 0)
            {
                throw new InvalidOperationException($"resuming the bench run skipped {outcome.Skipped} and ran {outcome.Succeeded} of {Trials} trials.");
            }

            if (round > 0)
            {
                resume.Add(seconds); // round 0 warms the file cache and the JIT
            }
        }

        double headroom = ResumeTargetSeconds / resume.Median;
        bool met = result.Target("resume", headroom, 1);
        result.Figure("resume.time", resume, "s");
        result.Figure("resume.trials_jsonl_bytes", bytes);
        result.Row(new BenchRow($"resume a finished run of {Trials:N0} trials ({bytes / 1048576.0:N0} MiB), s", resume.Format(3),
            $"{ResumeTargetSeconds:N0}", headroom, $"< {ResumeTargetSeconds:N0} s", met));
    }

    /// <summary>A new run of the plan into an emptied folder; seconds from opening the store to closing it.</summary>
    private static async Task<double> RunFreshAsync(StudyRunner runner, StudyPlan plan, LoadedModel loaded, string runFolder, CancellationToken ct)
    {
        if (Directory.Exists(runFolder))
        {
            Directory.Delete(runFolder, recursive: true);
        }

        var clock = Stopwatch.StartNew();
        var outcome = await RunAsync(runner, plan, loaded, runFolder, ct);
        double seconds = clock.Elapsed.TotalSeconds;
        if (outcome.Status != RunStatus.Completed || outcome.Succeeded != plan.Trials.Count)
        {
            throw new InvalidOperationException($"the bench run ended {outcome.Status} with {outcome.Succeeded} of {plan.Trials.Count} trials: {outcome.Message}");
        }

        return seconds;
    }

    private static async Task<RunOutcome> RunAsync(StudyRunner runner, StudyPlan plan, LoadedModel loaded, string runFolder, CancellationToken ct)
    {
        var open = RunStore.Open(SchedulerWorkload.StoreRequest(runFolder, plan, loaded.Model.Info), new ResultsOptions(), TimeProvider.System, NullLogger.Instance);
        using var store = open.Store ?? throw new InvalidOperationException(open.Problem);
        return await runner.RunAsync(plan, store, NullRunProgress.Instance, ct);
    }

    /// <summary>Every trial's Execute in a plain loop: what the backend and the kind cost without the engine.</summary>
    private static async Task<double> CallDirectlyAsync(StudyPlan plan, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        foreach (var trial in plan.Trials)
        {
            await trial.Plan.Execute(trial.Model.Model, ct);
        }

        return clock.Elapsed.TotalSeconds;
    }
}
