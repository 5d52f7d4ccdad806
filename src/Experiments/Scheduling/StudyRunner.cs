using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Studies.Backends;
using Studies.Experiments.Models;
using Studies.Experiments.Planning;
using Studies.Experiments.Results;

namespace Studies.Experiments.Scheduling;

/// <summary>
/// Runs a plan's unfinished trials: per model, as many workers as the model's concurrency take its trials in plan
/// order; a worker appends each finished trial to the <see cref="RunStore"/> itself, under a lock (an append is a
/// short copy into the store's batch, so this costs less than handing records to a writer task, and a slow disk still
/// pushes back on the workers). Models run side by side, each in plan order.
/// <para>
/// Stopping: when <c>stopToken</c> fires, no new trial is taken; in-flight trials finish (their Execute sees only
/// <c>abortToken</c>) and are saved, then the run ends Interrupted. <c>abortToken</c> cuts in-flight trials short
/// (they are not recorded and run again on resume). A trial that throws is recorded as failed and the run goes on.
/// </para>
/// </summary>
public sealed class StudyRunner(IOptions<SchedulerOptions> options, TimeProvider time, ILogger<StudyRunner> logger)
{
    public async Task<RunOutcome> RunAsync(StudyPlan plan, RunStore store, IRunProgress progress, CancellationToken stopToken, CancellationToken abortToken = default)
    {
        var settings = options.Value;
        long started = time.GetTimestamp();
        var state = new RunState(plan, store, time, started);
        var pending = plan.Trials.Where(t => !store.IsDone(t.Key)).ToList();
        state.Skipped = plan.Trials.Count - pending.Count;
        logger.LogInformation("Running {Pending} trials ({Skipped} already done) into {Folder}", pending.Count, state.Skipped, store.Folder);

        // Stops producers and workers when stopping is asked for, or when saving fails (nothing more could be kept).
        using var halt = CancellationTokenSource.CreateLinkedTokenSource(stopToken);
        Notify(() => progress.StageChanged(RunStage.Running, $"{pending.Count} trials to run"));
        Notify(() => progress.RunStarted(state.Snapshot(0, 0, null)));
        using var ticking = new CancellationTokenSource();
        var ticker = Task.Run(() => TickAsync(state, progress, settings, halt, ticking.Token), CancellationToken.None);

        var lanes = pending.GroupBy(t => t.Model).Select(g => RunLaneAsync(g.Key, g.ToList(), state, progress, settings, halt, abortToken)).ToArray();
        await Task.WhenAll(lanes).ConfigureAwait(false);
        state.Sync();
        await ticking.CancelAsync().ConfigureAwait(false);
        await ticker.ConfigureAwait(false);

        Notify(() => progress.StageChanged(RunStage.Finishing, "saving"));
        var outcome = Finish(plan, store, state, pending.Count, stopToken.IsCancellationRequested);
        Notify(() => progress.RunFinished(state.Snapshot(0, 0, TimeSpan.Zero), outcome.Status));
        logger.LogInformation("Run {Status}: {Succeeded} ok, {Failed} failed, {NotRun} not run, {Skipped} skipped in {Elapsed}",
            outcome.Status, outcome.Succeeded, outcome.Failed, outcome.NotRun, outcome.Skipped, outcome.Elapsed);
        return outcome;

        void Notify(Action call)
        {
            try
            {
                call();
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "The progress observer failed; the run goes on");
            }
        }
    }

    private async Task RunLaneAsync(LoadedModel model, List<PlannedTrial> trials, RunState state, IRunProgress progress,
        SchedulerOptions settings, CancellationTokenSource halt, CancellationToken abort)
    {
        int workers = settings.MaxConcurrencyPerModel > 0 ? Math.Min(settings.MaxConcurrencyPerModel, model.Concurrency) : model.Concurrency;
        var next = new StrongBox<int>(-1);
        var consumers = Enumerable.Range(0, Math.Min(workers, trials.Count))
            .Select(_ => Task.Run(() => WorkAsync(trials, next, state, progress, halt, abort), CancellationToken.None))
            .ToArray();
        await Task.WhenAll(consumers).ConfigureAwait(false);
    }

    /// <summary>
    /// Takes the lane's trials in plan order, one at a time, until none is left or stopping is asked for. The trials are
    /// already in memory, so workers share an index instead of a queue: no producer to hand them over, no thread hop.
    /// </summary>
    private async Task WorkAsync(List<PlannedTrial> trials, StrongBox<int> next, RunState state, IRunProgress progress, CancellationTokenSource halt, CancellationToken abort)
    {
        var stop = halt.Token;
        for (int i = Interlocked.Increment(ref next.Value); i < trials.Count && !stop.IsCancellationRequested; i = Interlocked.Increment(ref next.Value))
        {
            if (await ExecuteAsync(trials[i], state, abort).ConfigureAwait(false) is { } record)
            {
                Save(record, state, progress, halt);
            }
        }
    }

    private void Save(TrialRecord record, RunState state, IRunProgress progress, CancellationTokenSource halt)
    {
        try
        {
            state.Save(record);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            if (state.Fault is null)
            {
                state.Fault = $"cannot write to {state.Store.TrialsPath}: {e.Message}";
                logger.LogError("Stopping the run: {Problem}", state.Fault);
            }

            halt.Cancel();
            return;
        }

        if (record.Status == TrialStatus.Failed)
        {
            try
            {
                progress.TrialFailed(new TrialFailure(record.Study, record.Model, record.Condition, record.ItemId, record.Key, record.ErrorType ?? "", record.Error ?? ""));
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "The progress observer failed; the run goes on");
            }
        }
    }

    /// <summary>Runs one trial; null when it was aborted (not recorded, so it runs again on resume).</summary>
    private async Task<TrialRecord?> ExecuteAsync(PlannedTrial trial, RunState state, CancellationToken abort)
    {
        Interlocked.Increment(ref state.InFlight);
        long start = time.GetTimestamp();
        try
        {
            var output = await trial.Plan.Execute(trial.Model.Model, abort).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"The '{trial.Kind}' kind returned no output (a bug in the kind).");
            return TrialRecords.Ok(trial, output, Timings(start));
        }
        catch (OperationCanceledException) when (abort.IsCancellationRequested)
        {
            return null;
        }
        catch (Exception e)
        {
            if (e is ModelBackendException)
            {
                logger.LogWarning("Trial {Key} ({Study}/{Condition}/{Item}) failed: {Error}", trial.Key, trial.Study, trial.Plan.Condition, trial.Plan.ItemId, e.Message);
            }
            else
            {
                logger.LogError(e, "Trial {Key} ({Study}/{Condition}/{Item}) failed unexpectedly", trial.Key, trial.Study, trial.Plan.Condition, trial.Plan.ItemId);
            }

            return TrialRecords.Failed(trial, e, Timings(start));
        }
        finally
        {
            Interlocked.Decrement(ref state.InFlight);
        }
    }

    private TrialTimings Timings(long start) => new()
    {
        ElapsedMs = Math.Round(time.GetElapsedTime(start).TotalMilliseconds, 3),
        FinishedUtc = time.GetUtcNow(),
    };

    private async Task TickAsync(RunState state, IRunProgress progress, SchedulerOptions settings, CancellationTokenSource halt, CancellationToken cancellationToken)
    {
        var meter = new ThroughputMeter(settings.ThroughputWindow);
        using var timer = new PeriodicTimer(settings.ProgressInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                // Trials batched by a fast run reach the OS at least once per tick.
                if (state.Fault is null && !state.Flush())
                {
                    logger.LogError("Stopping the run: {Problem}", state.Fault);
                    await halt.CancelAsync().ConfigureAwait(false);
                }

                var elapsed = time.GetElapsedTime(state.Started);
                var (trialsPerSecond, tokensPerSecond) = meter.Add(elapsed, state.Succeeded + state.Failed, Interlocked.Read(ref state.Tokens));
                var snapshot = state.Snapshot(trialsPerSecond, tokensPerSecond,
                    trialsPerSecond > 0 ? TimeSpan.FromSeconds(Math.Min(state.Remaining / trialsPerSecond, TimeSpan.MaxValue.TotalSeconds / 2)) : null);
                try
                {
                    progress.Progress(snapshot);
                }
                catch (Exception e)
                {
                    logger.LogWarning(e, "The progress observer failed; the run goes on");
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The run is over.
        }
    }

    private RunOutcome Finish(StudyPlan plan, RunStore store, RunState state, int pending, bool stopped)
    {
        int notRun = pending - state.Succeeded - state.Failed;
        var status = state.Fault is not null ? RunStatus.Faulted
            : notRun > 0 ? RunStatus.Interrupted
            : state.Failed > 0 ? RunStatus.CompletedWithFailures
            : RunStatus.Completed;
        string message = status switch
        {
            RunStatus.Completed => $"Completed: {plan.Trials.Count} trials ({state.Skipped} from earlier sessions) in {store.Folder}.",
            RunStatus.CompletedWithFailures => $"Completed with {state.Failed} failed trials (recorded with their errors in {TrialLog.FileName}; running the same command again retries them).",
            RunStatus.Interrupted => $"Interrupted{(stopped ? "" : " (trials were aborted)")}: {notRun} of {plan.Trials.Count} trials left; finished trials are saved in {store.Folder}. Resume with the same command.",
            _ => $"Stopped: {state.Fault}. Finished trials are saved; fix this and resume with the same command.",
        };

        var elapsed = time.GetElapsedTime(state.Started);
        var session = store.Manifest.Sessions[^1] with
        {
            EndedUtc = time.GetUtcNow(),
            Status = status switch
            {
                RunStatus.Completed => "completed",
                RunStatus.CompletedWithFailures => "completed_with_failures",
                RunStatus.Interrupted => "interrupted",
                _ => "faulted",
            },
            Planned = plan.Trials.Count,
            Skipped = state.Skipped,
            Succeeded = state.Succeeded,
            Failed = state.Failed,
        };

        try
        {
            store.Complete(session, notRun == 0 && state.Fault is null ? plan.Trials.Select(t => t.Key).ToArray() : null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogError("Could not finish the results folder {Folder}: {Error}", store.Folder, e.Message);
            status = RunStatus.Faulted;
            message = $"Stopped: could not finish {store.Folder}: {e.Message}. Finished trials are saved; resume with the same command.";
        }

        return new RunOutcome
        {
            Status = status,
            Folder = store.Folder,
            Planned = plan.Trials.Count,
            Skipped = state.Skipped,
            Succeeded = state.Succeeded,
            Failed = state.Failed,
            NotRun = notRun,
            Elapsed = elapsed,
            Message = message,
        };
    }

    /// <summary>Counters shared by workers (Interlocked) and the store they append to (under a lock).</summary>
    private sealed class RunState(StudyPlan plan, RunStore store, TimeProvider time, long started)
    {
        private readonly Dictionary<string, int> _studyIndex = plan.TrialsPerStudy.Select((p, i) => (p.Key, i)).ToDictionary(p => p.Key, p => p.i, StringComparer.Ordinal);
        private readonly int[] _studyCompleted = CountDone(plan, store);
        private readonly int[] _studyFailed = new int[plan.TrialsPerStudy.Count];
        private readonly Lock _gate = new();
        private int _succeeded;
        private int _failed;

        public int InFlight;
        public long Tokens;

        public RunStore Store { get; } = store;

        public long Started { get; } = started;

        public int Skipped { get; set; }

        public int Succeeded => Volatile.Read(ref _succeeded);

        public int Failed => Volatile.Read(ref _failed);

        public int Remaining => plan.Trials.Count - Skipped - Succeeded - Failed;

        public string? Fault { get; set; }

        /// <summary>Appends a finished trial and counts it (any worker; serialized here).</summary>
        public void Save(TrialRecord record)
        {
            lock (_gate)
            {
                Store.Append(record);
            }

            Count(record);
        }

        /// <summary>Writes and fsyncs what was appended; false (and <see cref="Fault"/> set) when that fails.</summary>
        public bool Sync() => Write(sync: true);

        /// <summary>Writes batched lines to the OS; false (and <see cref="Fault"/> set) when that fails.</summary>
        public bool Flush() => Write(sync: false);

        private bool Write(bool sync)
        {
            if (Fault is not null)
            {
                return false;
            }

            try
            {
                lock (_gate)
                {
                    if (sync)
                    {
                        Store.Sync();
                    }
                    else
                    {
                        Store.Flush();
                    }
                }

                return true;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Fault = $"cannot write to {Store.TrialsPath}: {e.Message}";
                return false;
            }
        }

        private void Count(TrialRecord record)
        {
            Interlocked.Add(ref Tokens, record.Timings.EvaluatedTokens); // prompt and generated tokens run through the model
            if (record.Status == TrialStatus.Ok)
            {
                Interlocked.Increment(ref _succeeded);
            }
            else
            {
                Interlocked.Increment(ref _failed);
            }

            if (_studyIndex.TryGetValue(record.Study, out int i))
            {
                Interlocked.Increment(ref _studyCompleted[i]);
                if (record.Status == TrialStatus.Failed)
                {
                    Interlocked.Increment(ref _studyFailed[i]);
                }
            }
        }

        public RunSnapshot Snapshot(double trialsPerSecond, double tokensPerSecond, TimeSpan? eta) => new()
        {
            Folder = Store.Folder,
            Elapsed = time.GetElapsedTime(Started),
            Total = plan.Trials.Count,
            Skipped = Skipped,
            Succeeded = Succeeded,
            Failed = Failed,
            InFlight = Volatile.Read(ref InFlight),
            TrialsPerSecond = trialsPerSecond,
            TokensPerSecond = tokensPerSecond,
            Eta = eta,
            Studies = plan.TrialsPerStudy.Select((p, i) => new StudyProgress(p.Key, p.Value, Volatile.Read(ref _studyCompleted[i]), Volatile.Read(ref _studyFailed[i]))).ToArray(),
        };

        private static int[] CountDone(StudyPlan plan, RunStore store)
        {
            var index = plan.TrialsPerStudy.Select((p, i) => (p.Key, i)).ToDictionary(p => p.Key, p => p.i, StringComparer.Ordinal);
            var done = new int[plan.TrialsPerStudy.Count];
            foreach (var trial in plan.Trials)
            {
                if (store.IsDone(trial.Key) && index.TryGetValue(trial.Study, out int i))
                {
                    done[i]++;
                }
            }

            return done;
        }
    }
}
