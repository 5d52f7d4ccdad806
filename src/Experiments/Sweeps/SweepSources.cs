using Microsoft.Extensions.Logging;
using Studies.Experiments.Engine;
using Studies.Experiments.Kinds;

namespace Studies.Experiments.Sweeps;

/// <summary>The sweep's points as its files say now: the sweep file's, then each DIR/queue/*.yaml's (by file name).</summary>
public sealed record SweepSnapshot(string Name, IReadOnlyList<string> Sources, IReadOnlyList<SweepPoint> Points, IReadOnlyList<StudyProblem> Problems);

/// <summary>
/// Reads the sweep file and the queue folder into points. Called at every poll: a file that does not parse (being
/// edited, or broken) contributes no points this time, its problems are logged once, and the points it had before
/// are simply not added again — runs are never removed.
/// </summary>
public sealed class SweepSources(SweepDaemonOptions options, SweepStateStore store, ILogger<SweepSources> logger)
{
    private readonly Dictionary<string, string> _reported = new(StringComparer.Ordinal);

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
            var (sweep, readProblems) = SweepFileReader.Read(file);
            var fileProblems = readProblems.ToList();
            if (sweep is not null)
            {
                name ??= sweep.Name;
                var (expanded, expandProblems) = SweepExpander.Expand(sweep);
                fileProblems.AddRange(expandProblems);
                points.AddRange(expanded.Where(p => seen.Add(p.Id)));
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
            logger.LogError("{File} has {Count} problem(s); its valid points are used, fix the rest:\n{Problems}", file, problems.Count, text);
        }
    }
}
