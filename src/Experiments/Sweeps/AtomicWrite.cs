using System.Text;

namespace Studies.Experiments.Sweeps;

/// <summary>
/// Write-to-temp, fsync, rename: a reader (or the next daemon after SIGKILL or a power cut) sees the old file or the
/// new one, never a torn one.
/// </summary>
internal static class AtomicWrite
{
    public static void WriteAllText(string path, string text) => WriteAllBytes(path, Encoding.UTF8.GetBytes(text));

    public static void WriteAllBytes(string path, ReadOnlySpan<byte> bytes)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        string tmp = $"{path}.{Environment.ProcessId}.tmp";
        using (var stream = new FileStream(tmp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
        }

        File.Move(tmp, path, overwrite: true);
    }
}
