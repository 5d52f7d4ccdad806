using Microsoft.Extensions.Logging;
using Studies.Experiments.Engine;
using Studies.Experiments.Kinds;

namespace Studies.Experiments.Sweeps;

/// <summary>The sweep's points as its files say now: the sweep file's, then each DIR/queue/*.yaml's (by file name).</summary>
public sealed record SweepSnapshot(string Name, IReadOnlyList<string> Sources, IReadOnlyList<SweepPoint> Points, IReadOnlyList<StudyProblem> Problems);

/// <summary>
/// Reads the sweep file and the queue folder (relative paths in queued files resolve against the sweep file's folder)
/// into points. Called at every poll. A file that does not parse (half-saved by an editor, or broken) keeps
/// contributing the points it last had, and its problems are logged once; a deleted queue file takes its points out of
/// the sweep (their runs are kept, never removed).
/// </summary>
public sealed class SweepSources(SweepDaemonOptions options, SweepStateStore store, ILogger<SweepSources> logger)
{
    private readonly Dictionary<string, string> _reported = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Name, IReadOnlyList<SweepPoint> Points)> _lastGood = new(StringComparer.Ordinal);

    public SweepSnapshot Read()
    {
        var files = new List<string> { options.SweepFile };
        if (Directory.Exists(store.QueueDirectory))
        {
            files.AddRange(Directory.EnumerateFiles(store.QueueDirectory)
                .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal));
        }

        string? name = null;
        var points = new List<SweepPoint>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var problems = new List<StudyProblem>();
        foreach (string file in files)
        {
            // Relative paths of queued files resolve against the main sweep file's folder, where the studies are.
            string? relativeTo = file == options.SweepFile ? null : Path.GetDirectoryName(Path.GetFullPath(options.SweepFile));
            var (sweep, readProblems) = SweepFileReader.Read(file, relativeTo);
            var fileProblems = readProblems.ToList();
            if (sweep is not null)
            {
                var (expanded, expandProblems) = SweepExpander.Expand(sweep);
                fileProblems.AddRange(expandProblems);
                _lastGood[file] = (sweep.Name, expanded);
            }

            if (_lastGood.TryGetValue(file, out var good))
            {
                name ??= good.Name;
                points.AddRange(good.Points.Where(p => seen.Add(p.Id)));
            }

            Report(file, fileProblems);
            problems.AddRange(fileProblems);
        }

        return new SweepSnapshot(name ?? Path.GetFileNameWithoutExtension(options.SweepFile), files.Select(Path.GetFullPath).ToList(), points, problems);
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
            logger.LogError("{File} has {Count} problem(s); fix them (points that could be read are used, the file is read again at each poll):\n{Problems}", file, problems.Count, text);
        }
    }
}
