using Microsoft.Extensions.Logging;
using Studies.Experiments.Engine;
using Studies.Experiments.Kinds;

namespace Studies.Experiments.Sweeps;

/// <summary>
/// Reads the sweep file and the queue folder (relative paths in queued files resolve against the sweep file's folder)
/// into points. Called at every poll. A file that does not parse (half-saved by an editor, or broken) keeps
/// contributing the points it last had, and its problems are logged once; a deleted queue file takes its points out of
/// the sweep (their runs are kept, never removed).
/// </summary>
public sealed class SweepSources(SweepDaemonOptions options, SweepStateStore store, ILogger<SweepSources> logger)
{
    private readonly Dictionary<string, string> _reported = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Source> _sources = new(StringComparer.Ordinal);

    public SweepSnapshot Read()
    {
        var files = new List<string> { options.SweepFile };
        if (Directory.Exists(store.QueueDirectory))
        {
            files.AddRange(Directory.EnumerateFiles(store.QueueDirectory)
                .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal));
        }

        foreach (string gone in _sources.Keys.Except(files, StringComparer.Ordinal).ToList())
        {
            _sources.Remove(gone);
        }

        string? name = null;
        var points = new List<SweepPoint>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var problems = new List<StudyProblem>();
        foreach (string file in files)
        {
            var source = Load(file);
            name ??= source.Name;
            points.AddRange(source.Points.Where(p => seen.Add(p.Id)));
            problems.AddRange(source.Problems);
        }

        return new SweepSnapshot(name ?? Path.GetFileNameWithoutExtension(options.SweepFile), files.Select(Path.GetFullPath).ToList(), points, problems);
    }

    /// <summary>A file's points: expanded again only when it or its base study file changed since the last poll.</summary>
    private Source Load(string file)
    {
        var stamp = FileStamp.Of(file);
        _sources.TryGetValue(file, out var known);
        if (known is not null && known.Stamp == stamp && known.StudyStamp == FileStamp.Of(known.StudyFile))
        {
            return known;
        }

        // Relative paths of queued files resolve against the main sweep file's folder, where the studies are.
        string? relativeTo = file == options.SweepFile ? null : Path.GetDirectoryName(Path.GetFullPath(options.SweepFile));
        var (sweep, readProblems) = SweepFileReader.Read(file, relativeTo);
        var problems = readProblems.ToList();
        Source source;
        if (sweep is not null)
        {
            var (expanded, expandProblems) = SweepExpander.Expand(sweep);
            problems.AddRange(expandProblems);
            source = new Source(stamp, sweep.StudyFile, FileStamp.Of(sweep.StudyFile), sweep.Name, expanded, problems);
        }
        else
        {
            source = new Source(stamp, known?.StudyFile, FileStamp.Of(known?.StudyFile), known?.Name, known?.Points ?? [], problems);
        }

        Report(file, problems);
        _sources[file] = source;
        return source;
    }

    private void Report(string file, List<StudyProblem> problems)
    {
        string text = string.Join('\n', problems.Select(p => p.Format()));
        if (_reported.TryGetValue(file, out string? before) && before == text)
        {
            return;
        }

        _reported[file] = text;
        if (problems.Count > 0)
        {
            logger.LogError("{File} has {Count} problem(s); fix them (points that could be read are used, the file is read again when it changes):\n{Problems}", file, problems.Count, text);
        }
    }

    /// <summary>A source file's last reading: its stamps, and its last good points (kept while the file is broken).</summary>
    private sealed record Source(FileStamp? Stamp, string? StudyFile, FileStamp? StudyStamp, string? Name, IReadOnlyList<SweepPoint> Points, IReadOnlyList<StudyProblem> Problems);

    /// <summary>Length and modification time: enough to notice an edit between polls.</summary>
    private sealed record FileStamp(long Length, DateTime WrittenUtc)
    {
        public static FileStamp? Of(string? path)
        {
            if (path is null)
            {
                return null;
            }

            var info = new FileInfo(path);
            return info.Exists ? new FileStamp(info.Length, info.LastWriteTimeUtc) : null;
        }
    }
}
