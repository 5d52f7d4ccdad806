using System.Runtime.InteropServices;

namespace Studies.Experiments.Sweeps;

/// <summary>
/// Gives freed native memory back to the OS between runs. Each run loads models and contexts in llama.cpp and frees
/// them at its end, on whichever thread-pool threads ran it; glibc keeps such memory in per-thread arenas, so over a
/// long sweep the RSS creeps up with no leak at all. malloc_trim(0) releases the free pages of every arena.
/// </summary>
internal static partial class NativeHeap
{
    /// <summary>Trims glibc's heaps (a no-op elsewhere). Returns true when memory was released.</summary>
    public static bool Trim()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            return malloc_trim(0) != 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false; // not glibc (musl has no malloc_trim)
        }
    }

    [DllImport("libc", EntryPoint = "malloc_trim")]
    private static extern int malloc_trim(nuint pad);
}
