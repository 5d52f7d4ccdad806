using Studies.Experiments.Results;

namespace Studies.Experiments.Sweeps;

/// <summary>
/// Builds the sweep's status from the state folder alone (points.json, each run's state.json, and its trials.jsonl
/// for the counts, which are the truth), whether or not a daemon runs. Reads only; never repairs or locks anything.
/// </summary>
public static class SweepStatusReader
{
    public static SweepStatus Read(SweepStateStore store, TimeProvider time)
    {
        var manifest = store.ReadManifest();
        var points = store.ReadPoints().ToDictionary(p => p.Id, StringComparer.Ordinal);
        int? daemon = DaemonLock.RunningDaemon(store.Directory);
        var current = manifest?.Points ?? [.. points.Keys];
        var runs = current.Where(points.ContainsKey).Select(id => Progress(store, points[id], daemon is not null, time)).ToList();
        var currentSet = current.ToHashSet(StringComparer.Ordinal);
        var retired = points.Values.Where(p => !currentSet.Contains(p.Id)).Select(p => Progress(store, p, daemon is not null, time)).ToList();
        return new SweepStatus
        {
            Name = manifest?.Name ?? Path.GetFileName(store.Directory),
            StateDirectory = store.Directory,
            DaemonPid = daemon,
            GeneratedUtc = time.GetUtcNow(),
            Runs = runs,
            Retired = retired,
        };
    }

    private static RunProgress Progress(SweepStateStore store, SweepPoint point, bool daemonRunning, TimeProvider time)
    {
        var state = store.ReadState(point.Id);
        string results = store.ResultsDirectory(point.Id);
        var scan = TrialLogScan.Read(results);
        var phase = state.Phase;

        // A run whose results say complete is done even if the daemon died before recording it.
        if (phase != RunPhase.Done && RunFolders.ReadManifest(results)?.CompletedUtc is not null && state.Total is { } total && scan.Succeeded + scan.Failed >= total)
        {
            phase = RunPhase.Done;
        }

        // "running" in a state left by a dead daemon: it resumes with the next daemon.
        if (phase == RunPhase.Running && !daemonRunning)
        {
            phase = RunPhase.Pending;
        }

        double rate = phase == RunPhase.Running && scan.LastFinishedUtc is { } last && time.GetUtcNow() - last > TimeSpan.FromMinutes(2) ? 0 : scan.TrialsPerSecond;
        return RunProgressFactory.Create(point, state with { Phase = phase }, scan.Succeeded, scan.Failed, rate, results);
    }
}
