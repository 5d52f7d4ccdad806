using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Studies.Experiments.Sweeps;

/// <summary>
/// The state folder:
/// <code>
/// DIR/daemon.lock              the running daemon's pid (held locked while it runs)
/// DIR/points.json              the points the sweep holds now, in order
/// DIR/queue/*.yaml             more sweep files, dropped in while the daemon runs
/// DIR/runs/&lt;id&gt;/point.json     the point's values (study, models, seed, parameters, lane, source)
/// DIR/runs/&lt;id&gt;/study.yaml     the point as a study file
/// DIR/runs/&lt;id&gt;/state.json     phase, attempts, error, planned total
/// DIR/runs/&lt;id&gt;/results/       the run's results folder, exactly as `studies run` writes it
/// DIR/report/sweep-report.md   the report across runs (and .html), once the sweep is complete
/// </code>
/// Every file but trials.jsonl (the engine's append-only log) is written whole and atomically.
/// </summary>
public sealed class SweepStateStore(string directory)
{
    public string Directory { get; } = Path.GetFullPath(directory);

    public string LockPath => Path.Combine(Directory, "daemon.lock");

    public string ManifestPath => Path.Combine(Directory, "points.json");

    public string QueueDirectory => Path.Combine(Directory, "queue");

    public string RunsDirectory => Path.Combine(Directory, "runs");

    public string ReportDirectory => Path.Combine(Directory, "report");

    public string RunDirectory(string id) => Path.Combine(RunsDirectory, id);

    public string StudyPath(string id) => Path.Combine(RunDirectory(id), "study.yaml");

    public string ResultsDirectory(string id) => Path.Combine(RunDirectory(id), "results");

    public bool Exists => File.Exists(ManifestPath) || System.IO.Directory.Exists(RunsDirectory);

    public void Create()
    {
        System.IO.Directory.CreateDirectory(RunsDirectory);
        System.IO.Directory.CreateDirectory(QueueDirectory);
    }

    /// <summary>
    /// Writes point.json and study.yaml of a point. The id is the point's content, so an existing point only has its
    /// study.yaml refreshed when the resolved paths moved (the config hash leaves paths out, so the results resume).
    /// </summary>
    public void Register(SweepPoint point)
    {
        string pointPath = Path.Combine(RunDirectory(point.Id), "point.json");
        if (!File.Exists(StudyPath(point.Id)) || File.ReadAllText(StudyPath(point.Id)) != point.StudyYaml)
        {
            AtomicWrite.WriteAllText(StudyPath(point.Id), point.StudyYaml);
        }

        if (!File.Exists(pointPath))
        {
            Write(pointPath, point, SweepJsonContext.Default.SweepPoint);
        }
    }

    /// <summary>Every run folder's point (including points that have left the sweep).</summary>
    public IReadOnlyList<SweepPoint> ReadPoints()
    {
        if (!System.IO.Directory.Exists(RunsDirectory))
        {
            return [];
        }

        return System.IO.Directory.GetDirectories(RunsDirectory)
            .Order(StringComparer.Ordinal)
            .Select(d => Read(Path.Combine(d, "point.json"), SweepJsonContext.Default.SweepPoint))
            .OfType<SweepPoint>()
            .ToList();
    }

    public RunState ReadState(string id) =>
        Read(Path.Combine(RunDirectory(id), "state.json"), SweepJsonContext.Default.RunState) ?? new RunState();

    public void WriteState(string id, RunState state) =>
        Write(Path.Combine(RunDirectory(id), "state.json"), state, SweepJsonContext.Default.RunState);

    public SweepManifest? ReadManifest() => Read(ManifestPath, SweepJsonContext.Default.SweepManifest);

    public void WriteManifest(SweepManifest manifest) => Write(ManifestPath, manifest, SweepJsonContext.Default.SweepManifest);

    private static void Write<T>(string path, T value, JsonTypeInfo<T> type) =>
        AtomicWrite.WriteAllBytes(path, JsonSerializer.SerializeToUtf8Bytes(value, type));

    private static T? Read<T>(string path, JsonTypeInfo<T> type)
        where T : class
    {
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize(File.ReadAllBytes(path), type) : null;
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
