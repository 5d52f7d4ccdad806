namespace Studies.Experiments.Results;

/// <summary>A trials.jsonl line that is not a trial record (other than a torn last line, which is repaired).</summary>
public sealed class TrialLogException(string path, int line, string problem)
    : Exception($"{path}:{line}: {problem}")
{
    public string Path { get; } = path;

    public int Line { get; } = line;
}
