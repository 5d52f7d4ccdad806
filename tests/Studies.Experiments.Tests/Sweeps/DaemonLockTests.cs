using System.Diagnostics;
using Studies.Experiments.Sweeps;

namespace Studies.Experiments.Tests.Sweeps;

/// <summary>One daemon per state folder: a live holder refuses others; a dead one's lock is detected and taken over.</summary>
public sealed class DaemonLockTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_held_folder_is_refused_with_the_holders_pid()
    {
        using var first = DaemonLock.TryAcquire(_dir.Path, out int? none);
        Assert.NotNull(first);
        Assert.Null(none);
        Assert.Null(first.StalePid);
        Assert.Equal(Environment.ProcessId, DaemonLock.ReadPid(_dir.Path));
        Assert.Equal(Environment.ProcessId, DaemonLock.RunningDaemon(_dir.Path));

        using var second = DaemonLock.TryAcquire(_dir.Path, out int? holder);
        Assert.Null(second);
        Assert.Equal(Environment.ProcessId, holder);
    }

    [Fact]
    public void Releasing_empties_the_pid_file_and_frees_the_folder()
    {
        DaemonLock.TryAcquire(_dir.Path, out _)!.Dispose();

        Assert.Null(DaemonLock.ReadPid(_dir.Path));
        Assert.Null(DaemonLock.RunningDaemon(_dir.Path));
        using var again = DaemonLock.TryAcquire(_dir.Path, out _);
        Assert.NotNull(again);
        Assert.Null(again.StalePid);
    }

    [Fact]
    public void A_lock_left_by_a_dead_daemon_is_stale_and_taken_over()
    {
        int dead = DeadPid();
        _dir.File(DaemonLock.FileName, $"{dead}\n");

        Assert.False(DaemonLock.IsAlive(dead));
        Assert.Null(DaemonLock.RunningDaemon(_dir.Path));
        using var taken = DaemonLock.TryAcquire(_dir.Path, out _);
        Assert.NotNull(taken);
        Assert.Equal(dead, taken.StalePid);
        Assert.Equal(Environment.ProcessId, DaemonLock.ReadPid(_dir.Path));
    }

    /// <summary>The pid of a process that has exited (and been reaped).</summary>
    private static int DeadPid()
    {
        using var process = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        process.WaitForExit();
        return process.Id;
    }
}
