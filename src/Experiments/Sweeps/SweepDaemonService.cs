using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Studies.Experiments.Engine;
using Studies.Experiments.Scheduling;

namespace Studies.Experiments.Sweeps;

/// <summary>
/// `studies daemon`: works through a sweep. It polls the sweep file and DIR/queue/*.yaml for points, runs each point
/// with the study engine into DIR/runs/&lt;id&gt;/results (one lane per backend group: local runs one at a time, each
/// remote endpoint beside them, so a failing endpoint does not stall local work), logs a heartbeat, and writes the
/// sweep report once every run is settled.
/// <para>
/// Stopping (SIGTERM via the host, or Ctrl+C): the stopping token is the engine's stop token, so no new trial starts,
/// the in-flight ones finish and are saved, and the runs are left pending for the next daemon. SIGKILL loses nothing
/// either: every finished trial is already a whole line in its trials.jsonl, and the next daemon resumes from there.
/// </para>
/// </summary>
public sealed class SweepDaemonService(
    SweepDaemonOptions options,
    SweepStateStore store,
    SweepSources sources,
    SweepTracker tracker,
    StudyEngine engine,
    ISweepReporter reporter,
    SweepDaemonOutcome outcome,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<SweepDaemonService> logger) : BackgroundService
{
    private readonly Pulse _changed = new();
    private readonly Dictionary<string, Task> _lanes = new(StringComparer.Ordinal);
    private string? _reported;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let the host finish starting (and install its signal handlers) before the first run.
        await Task.Yield();
        StatusEndpoint? endpoint = null;
        try
        {
            store.Create();
            tracker.Load();
            tracker.Changed += _changed.Set;
            if (options.StatusPort is { } port)
            {
                endpoint = new StatusEndpoint(port, tracker.Status, logger);
                endpoint.Start(stoppingToken);
            }

            logger.LogInformation("Daemon pid {Pid} working on {Sweep} in {State}", Environment.ProcessId, options.SweepFile, store.Directory);
            await LoopAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the lanes finish their in-flight trials below.
        }
        catch (Exception e)
        {
            outcome.ExitCode = 1;
            outcome.Error = e.Message;
            logger.LogCritical(e, "The daemon failed; runs keep their results and resume with the next daemon");
            lifetime.StopApplication();
        }
        finally
        {
            tracker.Changed -= _changed.Set;
            await Task.WhenAll(_lanes.Values).ConfigureAwait(false);
            if (endpoint is not null)
            {
                await endpoint.DisposeAsync().ConfigureAwait(false);
            }

            logger.LogInformation("Daemon stopped: {Summary}", tracker.Status().Summary);
        }
    }

    private async Task LoopAsync(CancellationToken stoppingToken)
    {
        var nextPoll = time.GetUtcNow();
        var nextBeat = time.GetUtcNow() + options.HeartbeatInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            if (now >= nextPoll)
            {
                tracker.Update(sources.Read());
                nextPoll = now + options.PollInterval;
            }

            foreach (string lane in tracker.Lanes().Where(l => !_lanes.ContainsKey(l)))
            {
                _lanes[lane] = Task.Run(() => LaneAsync(lane, stoppingToken), CancellationToken.None);
            }

            var status = tracker.Status();
            if (status.Settled)
            {
                await ReportAsync(status, stoppingToken).ConfigureAwait(false);
                if (options.ExitWhenDone)
                {
                    logger.LogInformation("{Summary}; exiting (--exit-when-done)", status.Summary);
                    lifetime.StopApplication();
                    return;
                }
            }

            if (now >= nextBeat)
            {
                logger.LogInformation("Heartbeat: {Status}; RSS {Rss} MiB, managed heap {Heap} MiB", SweepStatusText.Heartbeat(status),
                    Environment.WorkingSet / (1024 * 1024), GC.GetTotalMemory(forceFullCollection: false) / (1024 * 1024));
                nextBeat = now + options.HeartbeatInterval;
            }

            var wait = (nextPoll < nextBeat ? nextPoll : nextBeat) - time.GetUtcNow();
            await _changed.WaitAsync(wait, stoppingToken).ConfigureAwait(false);
        }
    }

    /// <summary>One lane: its runs one after another, in sweep order; idle lanes wait for new points or a due retry.</summary>
    private async Task LaneAsync(string lane, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            if (tracker.TryTake(lane, out var nextRetry) is not { } point)
            {
                var wait = nextRetry is { } at ? at - time.GetUtcNow() : options.PollInterval;
                try
                {
                    await _changed.WaitAsync(wait < options.PollInterval ? wait : options.PollInterval, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                continue;
            }

            await RunAsync(point, stoppingToken).ConfigureAwait(false);
        }
    }

    private async Task RunAsync(SweepPoint point, CancellationToken stoppingToken)
    {
        logger.LogInformation("Run {Run} ({Study} on {Models}{Values}) starting", point.Id, point.Study, string.Join(" + ", point.Models),
            point.Describe() is { Length: > 0 } d ? "; " + d : "");
        var request = new StudyRunRequest
        {
            StudyFile = store.StudyPath(point.Id),
            OutputFolder = store.ResultsDirectory(point.Id),
            Args = options.Args,
        };
        var started = Stopwatch.GetTimestamp();
        RunResult? result = null;
        try
        {
            result = await engine.RunAsync(request, new SweepRunProgress(tracker, point.Id, logger), stoppingToken).ConfigureAwait(false);
            tracker.Finish(point.Id, result);
            var level = result.Status is RunStatus.Completed or RunStatus.Interrupted ? LogLevel.Information : LogLevel.Warning;
            logger.Log(level, "Run {Run} {Status} after {Elapsed}: {Message}", point.Id, result.Status, Durations.Format(Stopwatch.GetElapsedTime(started).TotalSeconds), result.Message);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            tracker.Finish(point.Id, new RunResult { Status = RunStatus.Interrupted, Message = "Interrupted." });
        }
        catch (Exception e)
        {
            tracker.Fault(point.Id, e);
            logger.LogError(e, "Run {Run} failed; it is retried later", point.Id);
        }
        finally
        {
            // The run's models and contexts were freed: keep the daemon's footprint flat over a long sweep.
            NativeHeap.Trim();
        }

        if (result?.Status is RunStatus.Completed or RunStatus.CompletedWithFailures && options.Report)
        {
            await WriteRunReportAsync(point, stoppingToken).ConfigureAwait(false);
        }
    }

    /// <summary>The run's summary.json and report, as `studies run` leaves them; a failure here costs the report only.</summary>
    private async Task WriteRunReportAsync(SweepPoint point, CancellationToken stoppingToken)
    {
        try
        {
            await reporter.WriteRunAsync(store.ResultsDirectory(point.Id), stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            logger.LogInformation("Stopping: the report of run {Run} is left for later (`studies report` or the sweep report)", point.Id);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Writing the report of run {Run} failed; its results are complete", point.Id);
        }
    }

    /// <summary>Writes the sweep report when the settled sweep differs from the one last reported.</summary>
    private async Task ReportAsync(SweepStatus status, CancellationToken stoppingToken)
    {
        if (!options.Report)
        {
            return;
        }

        string signature = string.Join('|', status.Runs.Select(r => $"{r.Id}:{r.Phase}:{r.Done}:{r.FailedTrials}"));
        if (signature == _reported)
        {
            return;
        }

        // Runs finished while a stop cut their own report short get it now.
        foreach (var point in tracker.Points().Where(p => !File.Exists(Path.Combine(store.ResultsDirectory(p.Id), "report.md"))))
        {
            if (status.Runs.Any(r => r.Id == point.Id && r.Phase == RunPhase.Done))
            {
                await WriteRunReportAsync(point, stoppingToken).ConfigureAwait(false);
            }
        }

        try
        {
            var files = await reporter.WriteAsync(status, tracker.Points(), store.ReportDirectory, stoppingToken).ConfigureAwait(false);
            _reported = signature;
            if (files.Count > 0)
            {
                logger.LogInformation("Sweep report written: {Files}", string.Join(", ", files));
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _reported = signature; // one failure per settled state is enough; the runs' results are unaffected
            logger.LogError(e, "Writing the sweep report failed");
        }
    }
}
