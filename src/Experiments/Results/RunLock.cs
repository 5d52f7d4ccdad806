namespace Studies.Experiments.Results;

/// <summary>
/// An exclusive lock on a run folder (.lock, held open with FileShare.None, an advisory lock on Unix) so two processes
/// never append to one trials.jsonl, and readers know whether a writer is active.
/// </summary>
internal sealed class RunLock : IDisposable
{
    public const string FileName = ".lock";

    private readonly FileStream _stream;

    private RunLock(FileStream stream) => _stream = stream;

    public static RunLock? TryAcquire(string folder)
    {
        try
        {
            var stream = new FileStream(Path.Combine(folder, FileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            return new RunLock(stream);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public void Dispose() => _stream.Dispose();
}
