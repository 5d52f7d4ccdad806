using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Studies.Experiments.Results;

/// <summary>
/// One run's folder: manifest.json and the append-only trials.jsonl. Opening an existing folder of the same config
/// hash resumes it (a torn last line is repaired; trials with an ok line are done, failed ones run again and their
/// newer line wins); a folder of another config is refused unless ForceNew. The folder is locked while open.
/// </summary>
public sealed class RunStore : IDisposable
{
    private static readonly JsonSerializerOptions Indented = new(ResultsJsonContext.Default.Options) { WriteIndented = true };

    private readonly HashSet<string> _done;
    private readonly RunLock _lock;
    private readonly ResultsOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private TrialLogWriter? _writer;

    private RunStore(string folder, RunManifest manifest, HashSet<string> done, int failed, bool resumed, RunLock runLock,
        ResultsOptions options, TimeProvider time, ILogger logger)
    {
        Folder = folder;
        Manifest = manifest;
        _done = done;
        PreviouslyFailed = failed;
        Resumed = resumed;
        _lock = runLock;
        _options = options;
        _logger = logger;
        _time = time;
        _writer = new TrialLogWriter(TrialsPath, options, time);
    }

    public string Folder { get; }

    public string TrialsPath => Path.Combine(Folder, TrialLog.FileName);

    public string ManifestPath => Path.Combine(Folder, RunFolders.ManifestFile);

    public RunManifest Manifest { get; private set; }

    /// <summary>The folder held earlier sessions of this configuration.</summary>
    public bool Resumed { get; }

    /// <summary>Keys with an ok line when the store was opened.</summary>
    public int PreviouslyFinished => _done.Count;

    /// <summary>Keys whose newest line was a failure when the store was opened (they run again).</summary>
    public int PreviouslyFailed { get; }

    public static RunStoreOpenResult Open(RunStoreRequest request, ResultsOptions options, TimeProvider time, ILogger logger)
    {
        string folder = Path.GetFullPath(request.Folder);
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new(null, $"cannot create the results folder {folder}: {e.Message}");
        }

        if (RunLock.TryAcquire(folder) is not { } runLock)
        {
            return new(null, $"another process is writing to {folder} (it holds {RunLock.FileName}): wait for it to finish, or choose another folder.");
        }

        try
        {
            var result = OpenLocked(folder, request, runLock, options, time, logger);
            if (result.Store is null)
            {
                runLock.Dispose();
            }

            return result;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or TrialLogException)
        {
            runLock.Dispose();
            return new(null, $"cannot use the results folder {folder}: {e.Message}");
        }
    }

    /// <summary>True when the trial has an ok line (it is skipped).</summary>
    public bool IsDone(string key) => _done.Contains(key);

    /// <summary>Appends a finished trial (one whole line, written to the OS at once or with its batch; see <see cref="ResultsOptions"/>). Single writer only.</summary>
    public void Append(TrialRecord record)
    {
        (_writer ?? throw new InvalidOperationException("The run store is completed.")).Append(record);
        if (record.Status == TrialStatus.Ok)
        {
            _done.Add(record.Key);
        }
    }

    /// <summary>Writes appended lines still in the batch to the OS.</summary>
    public void Flush() => _writer?.Flush();

    /// <summary>Writes and fsyncs what was appended.</summary>
    public void Sync() => _writer?.Sync();

    /// <summary>
    /// Ends the session: records it in the manifest and, when <paramref name="completedOrder"/> is given (every planned
    /// trial has a line), rewrites trials.jsonl in that order with one line per key (see <see cref="ResultsOptions.CompactOnCompletion"/>).
    /// </summary>
    public void Complete(RunSession session, IReadOnlyList<string>? completedOrder)
    {
        _writer?.Dispose();
        _writer = null;
        if (completedOrder is not null && _options.CompactOnCompletion)
        {
            Compact(completedOrder);
        }

        var sessions = Manifest.Sessions.ToList();
        sessions[^1] = session;
        Manifest = Manifest with
        {
            Sessions = sessions,
            CompletedUtc = completedOrder is not null ? session.EndedUtc ?? _time.GetUtcNow() : Manifest.CompletedUtc,
        };
        WriteManifest(ManifestPath, Manifest);
    }

    public void Dispose()
    {
        _writer?.Dispose();
        _writer = null;
        _lock.Dispose();
    }

    internal static void WriteManifest(string path, RunManifest manifest)
    {
        // Write-then-rename: a crash leaves the old manifest or the new one, never half of one.
        string tmp = path + ".tmp";
        using (var stream = new FileStream(tmp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            JsonSerializer.Serialize(stream, manifest, (System.Text.Json.Serialization.Metadata.JsonTypeInfo<RunManifest>)Indented.GetTypeInfo(typeof(RunManifest)));
            stream.WriteByte((byte)'\n');
            stream.Flush(flushToDisk: true);
        }

        File.Move(tmp, path, overwrite: true);
    }

    private static RunStoreOpenResult OpenLocked(string folder, RunStoreRequest request, RunLock runLock, ResultsOptions options, TimeProvider time, ILogger logger)
    {
        string manifestPath = Path.Combine(folder, RunFolders.ManifestFile);
        string trialsPath = Path.Combine(folder, TrialLog.FileName);
        bool hasManifest = File.Exists(manifestPath);
        bool hasTrials = File.Exists(trialsPath) && new FileInfo(trialsPath).Length > 0;
        RunManifest? existing = hasManifest ? RunFolders.ReadManifest(folder) : null;

        string? conflict = (hasManifest, existing, hasTrials) switch
        {
            (true, null, _) => $"{manifestPath} cannot be read, so this run cannot be resumed safely",
            (true, { } m, _) when m.ConfigHash != request.Manifest.ConfigHash =>
                $"{folder} holds a run of a different configuration (config hash {Short(m.ConfigHash)}, this one {Short(request.Manifest.ConfigHash)}): the study file, its data or its models changed",
            (false, _, true) => $"{folder} has a {TrialLog.FileName} but no {RunFolders.ManifestFile}, so it is not a run this configuration can resume",
            _ => null,
        };

        if (conflict is not null)
        {
            if (!request.ForceNew)
            {
                return new(null, $"{conflict}. Choose another results folder, or start anew there with the force-new option (the old files are moved aside, not deleted).");
            }

            string aside = MoveAside(folder, time);
            logger.LogWarning("Started anew in {Folder}: the previous run's files were moved to {Aside}", folder, aside);
            existing = null;
        }

        var done = new HashSet<string>(StringComparer.Ordinal);
        int failed = 0;
        RunManifest manifest;
        if (existing is not null)
        {
            TrialLog.Repair(trialsPath, logger);
            var latest = new Dictionary<string, TrialStatus>(StringComparer.Ordinal);
            foreach (var record in TrialLog.ReadStatuses(trialsPath, logger))
            {
                latest[record.Key] = record.Status;
            }

            foreach (var (key, status) in latest)
            {
                if (status == TrialStatus.Ok)
                {
                    done.Add(key);
                }
                else
                {
                    failed++;
                }
            }

            manifest = existing with
            {
                Models = request.Manifest.Models,
                Sessions = [.. existing.Sessions, request.Session],
            };
            logger.LogInformation("Resuming {Folder}: {Done} trials done, {Failed} failed ones to retry", folder, done.Count, failed);
        }
        else
        {
            manifest = request.Manifest with { Sessions = [request.Session], CompletedUtc = null };
            File.WriteAllBytes(trialsPath, []);
            logger.LogInformation("Started run folder {Folder}", folder);
        }

        WriteManifest(manifestPath, manifest);
        return new(new RunStore(folder, manifest, done, failed, existing is not null, runLock, options, time, logger), null);
    }

    /// <summary>Moves every file of the folder (but the lock) into previous-&lt;UTC timestamp&gt;/.</summary>
    private static string MoveAside(string folder, TimeProvider time)
    {
        string aside = Path.Combine(folder, "previous-" + time.GetUtcNow().UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
        Directory.CreateDirectory(aside);
        foreach (string file in Directory.GetFiles(folder).Where(f => Path.GetFileName(f) != RunLock.FileName))
        {
            File.Move(file, Path.Combine(aside, Path.GetFileName(file)));
        }

        return aside;
    }

    private void Compact(IReadOnlyList<string> order)
    {
        if (TrialLogCompaction.Compact(TrialsPath, order) is { } keys)
        {
            _logger.LogInformation("Compacted {File}: {Keys} trials in plan order", TrialsPath, keys);
        }
    }

    private static string Short(string hash) => hash.Length > 12 ? hash[..12] : hash;
}
