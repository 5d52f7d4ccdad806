using System.Globalization;
using System.Runtime.InteropServices;
using Studies.Backends.Local;

namespace Studies.Cli.Bench;

/// <summary>The machine a bench ran on, for the report: CPU, cores, memory, OS, runtimes and the load around it.</summary>
internal sealed record MachineInfo(string Cpu, int Cores, long MemoryBytes, string OperatingSystem, string DotNet, string LlamaCpp)
{
    public static MachineInfo Describe() => new(
        CpuName(),
        Environment.ProcessorCount,
        long.TryParse(ReadField("/proc/meminfo", "MemTotal")?.Split(' ')[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out long kb) ? kb * 1024 : 0,
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        LocalLanguageModel.RuntimeVersion);

    /// <summary>The 1, 5 and 15 minute load averages ("" where unknown): a busy machine makes timings noisy.</summary>
    public static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "";
        }
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Cpu}, {Cores} cores, {MemoryBytes / (1024.0 * 1024 * 1024):0.#} GiB; {OperatingSystem}; {DotNet}; {LlamaCpp}");

    /// <summary>The CPU's name with its family, model and widest vector extension (a VM may show only "AMD EPYC").</summary>
    private static string CpuName()
    {
        string? name = ReadField("/proc/cpuinfo", "model name");
        if (name is null)
        {
            return RuntimeInformation.ProcessArchitecture.ToString();
        }

        string flags = " " + (ReadField("/proc/cpuinfo", "flags") ?? "") + " ";
        string vector = flags.Contains(" avx512f ", StringComparison.Ordinal) ? "AVX-512"
            : flags.Contains(" avx2 ", StringComparison.Ordinal) ? "AVX2"
            : "no AVX2";
        return $"{name} (family {ReadField("/proc/cpuinfo", "cpu family")}, model {ReadField("/proc/cpuinfo", "model\t")}, {vector})";
    }

    private static string? ReadField(string file, string name)
    {
        try
        {
            return File.ReadLines(file).Where(l => l.StartsWith(name, StringComparison.Ordinal))
                .Select(l => l[(l.IndexOf(':') + 1)..].Trim()).FirstOrDefault();
        }
        catch (IOException)
        {
            return null;
        }
    }
}
