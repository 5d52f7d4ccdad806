using Studies.Experiments.Kinds;
using Studies.Experiments.Model;

namespace Studies.Experiments.Datasets;

/// <summary>
/// Collects problems of one data file, keeping the first few: a file with a systematic fault would otherwise bury
/// every other message under thousands of identical ones.
/// </summary>
internal sealed class RowProblems(string file, ICollection<StudyProblem> sink, int keep = 10)
{
    private int _dropped;

    public string File { get; } = file;

    public int Count { get; private set; }

    public void Add(int line, string message) => Add(new SourceLocation(File, line, line > 0 ? 1 : 0), message);

    public void Add(SourceLocation location, string message)
    {
        Count++;
        if (Count <= keep)
        {
            sink.Add(new StudyProblem(location, message));
        }
        else
        {
            _dropped++;
        }
    }

    /// <summary>Adds one line for the problems that were not kept.</summary>
    public void Complete()
    {
        if (_dropped > 0)
        {
            sink.Add(new StudyProblem(new SourceLocation(File, 0, 0), $"... and {_dropped} more problems like these in {File}."));
            _dropped = 0;
        }
    }
}
