using System.Globalization;
using System.Text;

namespace Studies.Experiments.Sweeps;

/// <summary>
/// One daemon per state folder. DIR/daemon.lock holds the running daemon's pid (for messages and `studies status`);
/// the exclusion itself is DIR/.daemon.flock kept open with an exclusive lock (FileShare.None: an flock on Unix),
/// which the kernel drops when the process dies, however it dies. So a daemon.lock naming a pid whose flock can be
/// taken is stale (its daemon was killed): it is taken over, and the dead pid logged. There is no window in which two
/// daemons both believe they hold the folder, and a recycled pid cannot fake a live daemon.
/// (.NET takes a shared flock on every open, so the pid cannot live in the locked file: readers would be refused.)
/// </summary>
public sealed class DaemonLock : IDisposable
{
    public const string FileName = "daemon.lock";
    private const string FlockName = ".daemon.flock";

    private readonly FileStream _flock;
    private readonly string _pidPath;

    private DaemonLock(FileStream flock, string pidPath, int? stalePid)
    {
        _flock = flock;
        _pidPath = pidPath;
        StalePid = stalePid;
    }

    /// <summary>The pid a daemon that died without releasing the folder left in daemon.lock (null when it was clean).</summary>
    public int? StalePid { get; }

    /// <summary>Takes the folder, or returns null with the holder's pid (when it could be read) when a live daemon has it.</summary>
    public static DaemonLock? TryAcquire(string directory, out int? holderPid)
    {
        holderPid = null;
        Directory.CreateDirectory(directory);
        string pidPath = Path.Combine(directory, FileName);
        FileStream flock;
        try
        {
            flock = new FileStream(Path.Combine(directory, FlockName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            holderPid = ReadPid(directory);
            return null;
        }

        try
        {
            int? stale = ReadPid(directory);
            AtomicWrite.WriteAllText(pidPath, Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "\n");
            return new DaemonLock(flock, pidPath, stale == Environment.ProcessId ? null : stale);
        }
        catch
        {
            flock.Dispose();
            throw;
        }
    }

    /// <summary>The pid in DIR/daemon.lock (null when absent, empty or unreadable).</summary>
    public static int? ReadPid(string directory)
    {
        try
        {
            string path = Path.Combine(directory, FileName);
            return File.Exists(path) && int.TryParse(File.ReadAllText(path, Encoding.ASCII).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int pid) && pid > 0
                ? pid
                : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The pid of the daemon working on the folder now, or null (none, or the one named in daemon.lock is dead).</summary>
    public static int? RunningDaemon(string directory) => ReadPid(directory) is { } pid && IsAlive(pid) ? pid : null;

    /// <summary>Whether a process with this pid is alive (on Linux: /proc/&lt;pid&gt; exists and is not a zombie).</summary>
    public static bool IsAlive(int pid)
    {
        if (OperatingSystem.IsLinux())
        {
            try
            {
                string stat = File.ReadAllText($"/proc/{pid}/stat");
                int close = stat.LastIndexOf(')');
                return close > 0 && close + 2 < stat.Length && stat[close + 2] != 'Z';
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return false;
            }
        }

        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        try
        {
            // Emptied, not deleted: the pid file only informs; the flock below is what excludes.
            AtomicWrite.WriteAllText(_pidPath, "");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A pid left behind reads as a dead daemon's, which is what it is once the flock is released.
        }

        _flock.Dispose();
    }
}
