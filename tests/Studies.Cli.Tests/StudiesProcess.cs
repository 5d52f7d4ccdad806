using System.Diagnostics;

namespace Studies.Cli.Tests;

/// <summary>Runs the real `studies` program (built beside the tests) as a child process, as a user would.</summary>
public static class StudiesProcess
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string SharedModels => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "models"));

    public static Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string workingDirectory, params string[] args) =>
        RunAsync(workingDirectory, new Dictionary<string, string>(), args);

    /// <summary>Runs the program with extra environment variables (e.g. TMPDIR).</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var process = Start(workingDirectory, environment, args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Sends a POSIX signal (15 = SIGTERM) to a child process.</summary>
    public static void Signal(Process process, int signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    public static Process Start(string workingDirectory, params string[] args) => Start(workingDirectory, new Dictionary<string, string>(), args);

    public static Process Start(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        if (!Directory.Exists(SharedModels))
        {
            Assert.Fail($"{SharedModels} is missing: the CLI tests need the shared models beside the repository (see README).");
        }

        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "studies.dll"));
        foreach (string a in args)
        {
            start.ArgumentList.Add(a);
        }

        start.Environment["STUDIES_MODELS"] = SharedModels;
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return Process.Start(start)!;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Studies.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Studies.sln not found above the test binaries.");
    }
}
