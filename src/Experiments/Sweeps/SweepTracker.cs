using Microsoft.Extensions.Logging;
using Studies.Experiments.Engine;
using Studies.Experiments.Scheduling;

namespace Studies.Experiments.Sweeps;

/// <summary>
/// The daemon's view of every run: its point, its state (persisted at each transition) and, while it runs, the
/// engine's live snapshot. Lanes take runs from here; status and heartbeat read from here. Thread-safe.
/// </summary>
public sealed class SweepTracker(SweepStateStore store, SweepDaemonOptions options, TimeProvider time, ILogger<SweepTracker> logger)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private List<string> _current = [];
    private string _name = Path.GetFileNameWithoutExtension(options.SweepFile);

    /// <summary>Raised (outside the lock) when runs were added or one finished.</summary>
    public event Action? Changed;

    /// <summary>
    /// Loads the runs of an earlier daemon. A run it left "running" was cut short (SIGKILL, power cut): it becomes
    /// pending and resumes where its trials.jsonl ends. A failed run gets a fresh start too: what failed it (a missing
    /// model, an unreachable endpoint) may have been fixed before this restart.
    /// </summary>
    public void Load()
    {
        var manifest = store.ReadManifest();
        lock (_gate)
        {
            foreach (var point in store.ReadPoints())
            {
                var state = store.ReadState(point.Id);
                if (state.Phase == RunPhase.Running)
                {
                    state = state with { Phase = RunPhase.Pending, UpdatedUtc = time.GetUtcNow() };
                    store.WriteState(point.Id, state);
                    logger.LogInformation("Run {Run} was cut short by an earlier daemon: it resumes where its results end", point.Id);
                }
                else if (state.Phase == RunPhase.Failed)
                {
                    state = state with { Phase = RunPhase.Pending, Attempts = 0, Retryable = false, NextAttemptUtc = null, UpdatedUtc = time.GetUtcNow() };
                    store.WriteState(point.Id, state);
                    logger.LogInformation("Run {Run} failed under an earlier daemon; trying it again", point.Id);
                }

                var entry = new Entry(point, state);
                if (state.Phase != RunPhase.Done)
                {
                    var scan = TrialLogScan.Read(store.ResultsDirectory(point.Id));
                    entry.Done = scan.Succeeded;
                    entry.FailedTrials = scan.Failed;
                }
                else
                {
                    entry.Done = state.Succeeded;
                    entry.FailedTrials = state.FailedTrials;
                }

                _entries[point.Id] = entry;
            }

            _current = manifest?.Points.Where(_entries.ContainsKey).ToList() ?? [];
            _name = manifest?.Name ?? _name;
        }
    }

    /// <summary>Adopts the sweep's current points: new ones get a run folder; ones that left are kept but not run.</summary>
    public int Update(SweepSnapshot snapshot)
    {
        int added = 0;
        lock (_gate)
        {
            foreach (var point in snapshot.Points)
            {
                if (!_entries.ContainsKey(point.Id))
                {
                    store.Register(point);
                    var state = store.ReadState(point.Id);
                    _entries[point.Id] = new Entry(point, state) { Done = state.Succeeded, FailedTrials = state.FailedTrials };
                    added++;
                }
                else if (_entries[point.Id].Point.StudyYaml != point.StudyYaml)
                {
                    // The same point, its study written again (first sight since loading, or paths re-resolved).
                    store.Register(point);
                    _entries[point.Id].Point = point;
                }
            }

            var ids = snapshot.Points.Select(p => p.Id).ToList();
            bool changed = !ids.SequenceEqual(_current, StringComparer.Ordinal) || snapshot.Name != _name;
            if (changed)
            {
                var left = _current.Except(ids, StringComparer.Ordinal).ToList();
                if (left.Count > 0)
                {
                    logger.LogWarning("{Count} point(s) left the sweep; their runs are kept as they are: {Runs}", left.Count, string.Join(", ", left));
                }

                _current = ids;
                _name = snapshot.Name;
                store.WriteManifest(new SweepManifest { Name = _name, Sources = snapshot.Sources, Points = ids, UpdatedUtc = time.GetUtcNow() });
            }
        }

        if (added > 0)
        {
            logger.LogInformation("The sweep has {Added} new run(s); {Total} in all", added, snapshot.Points.Count);
            Changed?.Invoke();
        }

        return added;
    }

    /// <summary>The lanes (backend groups) of the sweep's current points.</summary>
    public IReadOnlyList<string> Lanes()
    {
        lock (_gate)
        {
            return _current.Select(id => _entries[id].Point.Lane).Distinct(StringComparer.Ordinal).ToList();
        }
    }

    /// <summary>The lane's next run to work on, marked running (null when none is due); or when the next retry is due.</summary>
    public SweepPoint? TryTake(string lane, out DateTimeOffset? nextRetry)
    {
        nextRetry = null;
        var now = time.GetUtcNow();
        lock (_gate)
        {
            foreach (string id in _current)
            {
                var entry = _entries[id];
                if (entry.Point.Lane != lane)
                {
                    continue;
                }

                var s = entry.State;
                bool due = s.Phase == RunPhase.Pending || (s.Phase == RunPhase.Failed && s.Retryable && (s.NextAttemptUtc ?? now) <= now);
                if (!due)
                {
                    if (s.Phase == RunPhase.Failed && s.Retryable && s.NextAttemptUtc is { } at && (nextRetry is null || at < nextRetry))
                    {
                        nextRetry = at;
                    }

                    continue;
                }

                Set(entry, s with
                {
                    Phase = RunPhase.Running,
                    Attempts = s.Attempts + 1,
                    Error = null,
                    NextAttemptUtc = null,
                    StartedUtc = s.StartedUtc ?? now,
                    UpdatedUtc = now,
                });
                return entry.Point;
            }
        }

        return null;
    }

    /// <summary>The engine planned the run: its total is known (and persisted, so status can show it without a daemon).</summary>
    public void Started(string id, RunSnapshot snapshot)
    {
        lock (_gate)
        {
            var entry = _entries[id];
            entry.Live = snapshot;
            if (entry.State.Total != snapshot.Total)
            {
                Set(entry, entry.State with { Total = snapshot.Total, UpdatedUtc = time.GetUtcNow() });
            }
        }
    }

    public void Progress(string id, RunSnapshot snapshot)
    {
        lock (_gate)
        {
            _entries[id].Live = snapshot;
        }
    }

    /// <summary>Records how the engine's run ended.</summary>
    public void Finish(string id, RunResult result)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            var entry = _entries[id];
            var s = entry.State;
            var outcome = result.Outcome;
            if (outcome is not null)
            {
                entry.Done = outcome.Skipped + outcome.Succeeded;
                entry.FailedTrials = outcome.Failed;
                entry.Rate = outcome.Elapsed > TimeSpan.Zero ? (outcome.Succeeded + outcome.Failed) / outcome.Elapsed.TotalSeconds : 0;
            }

            entry.Live = null;
            var next = result.Status switch
            {
                RunStatus.Completed or RunStatus.CompletedWithFailures => s with { Phase = RunPhase.Done, FinishedUtc = now, Total = outcome?.Planned ?? s.Total },
                RunStatus.Interrupted => s with { Phase = RunPhase.Pending },
                RunStatus.Invalid => s with { Phase = RunPhase.Failed, Retryable = false, Error = Problems(result) },
                _ => Retry(s, result.Message, now),
            };
            Set(entry, next with { Succeeded = entry.Done, FailedTrials = entry.FailedTrials, UpdatedUtc = now });
        }

        Changed?.Invoke();
    }

    /// <summary>The run threw (a bug, or a native failure the engine could not turn into a result).</summary>
    public void Fault(string id, Exception error)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            var entry = _entries[id];
            entry.Live = null;
            Set(entry, Retry(entry.State, $"{error.GetType().Name}: {error.Message}", now) with { UpdatedUtc = now });
        }

        Changed?.Invoke();
    }

    public SweepStatus Status()
    {
        lock (_gate)
        {
            return new SweepStatus
            {
                Name = _name,
                StateDirectory = store.Directory,
                DaemonPid = Environment.ProcessId,
                GeneratedUtc = time.GetUtcNow(),
                Runs = _current.Select(id => Progress(_entries[id])).ToList(),
                Retired = _entries.Keys.Except(_current, StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(id => Progress(_entries[id])).ToList(),
            };
        }
    }

    /// <summary>The current points, in sweep order.</summary>
    public IReadOnlyList<SweepPoint> Points()
    {
        lock (_gate)
        {
            return _current.Select(id => _entries[id].Point).ToList();
        }
    }

    private RunProgress Progress(Entry entry)
    {
        string results = store.ResultsDirectory(entry.Point.Id);
        if (entry.Live is { } live)
        {
            var state = entry.State with { Total = live.Total };
            var progress = RunProgressFactory.Create(entry.Point, state, live.Skipped + live.Succeeded, live.Failed, live.TrialsPerSecond, results);
            return progress with { EtaSeconds = live.Eta?.TotalSeconds ?? progress.EtaSeconds };
        }

        return RunProgressFactory.Create(entry.Point, entry.State, entry.Done, entry.FailedTrials, entry.Rate, results);
    }

    private RunState Retry(RunState s, string error, DateTimeOffset now)
    {
        bool again = s.Attempts < options.MaxAttempts;
        var delay = options.RetryDelay * Math.Pow(2, Math.Max(0, s.Attempts - 1));
        return s with { Phase = RunPhase.Failed, Error = error, Retryable = again, NextAttemptUtc = again ? now + delay : null };
    }

    private void Set(Entry entry, RunState state)
    {
        entry.State = state;
        store.WriteState(entry.Point.Id, state);
    }

    private static string Problems(RunResult result)
    {
        var lines = result.Problems.Take(5).Select(p => p.Format()).ToList();
        if (result.Problems.Count > lines.Count)
        {
            lines.Add($"... and {result.Problems.Count - lines.Count} more");
        }

        return lines.Count > 0 ? result.Message + "\n" + string.Join('\n', lines) : result.Message;
    }

    private sealed class Entry(SweepPoint point, RunState state)
    {
        public SweepPoint Point { get; set; } = point;

        public RunState State { get; set; } = state;

        public RunSnapshot? Live { get; set; }

        public int Done { get; set; }

        public int FailedTrials { get; set; }

        /// <summary>Trials per second of the run's last session (shown once it is done).</summary>
        public double Rate { get; set; }
    }
}
