using System.Diagnostics;
using System.Globalization;

namespace Studies.Cli.Bench;

/// <summary>
/// Peak resident memory (managed and native) of this process over an interval: Linux resets the high-water mark
/// (VmHWM) when "5" is written to /proc/self/clear_refs. Elsewhere it falls back to the peak since the process began.
/// </summary>
internal static class PeakMemory
{
    public static void Reset()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not Linux, or not allowed: Read() then reports the peak since start.
        }
    }

    public static long Read()
    {
        try
        {
            foreach (string line in File.ReadLines("/proc/self/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
        }

        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64;
    }
}
