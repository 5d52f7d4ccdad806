using System.Diagnostics;
using Studies.Backends.Catalog;
using Studies.Backends.Local.Native;

namespace Studies.Backends.Tests.Remote;

/// <summary>
/// Finds llama.cpp's llama-server for the tests: $STUDIES_LLAMA_SERVER, else the cache that build/build-llama-tools.sh
/// fills; when missing, that script is run once. Never skips: without a binary the tests fail saying how to build it.
/// </summary>
internal static class LlamaServerBinary
{
    private static readonly Lazy<string> Located = new(Locate, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string Path => Located.Value;

    private static string CachedPath =>
        System.IO.Path.Combine(StudiesPaths.CacheDirectory, "llama", LlamaPin.NpmVersion, "tools", "llama-server");

    private static string Locate()
    {
        if (Environment.GetEnvironmentVariable("STUDIES_LLAMA_SERVER") is { Length: > 0 } custom)
        {
            return File.Exists(custom) ? custom : Fail($"STUDIES_LLAMA_SERVER points at {custom}, which does not exist.");
        }

        if (File.Exists(CachedPath))
        {
            return CachedPath;
        }

        string script = System.IO.Path.Combine(TestModels.RepositoryRoot, "build", "build-llama-tools.sh");
        if (!File.Exists(script))
        {
            return Fail($"llama-server is not built ({CachedPath} is missing) and {script} is not in this checkout.");
        }

        var start = new ProcessStartInfo("bash", [script]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var build = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        var stderr = build.StandardError.ReadToEndAsync();
        build.StandardOutput.ReadToEnd();
        if (!build.WaitForExit(TimeSpan.FromMinutes(20)))
        {
            build.Kill(entireProcessTree: true);
            return Fail("build/build-llama-tools.sh did not finish within 20 minutes.");
        }

        return build.ExitCode == 0 && File.Exists(CachedPath)
            ? CachedPath
            : Fail($"build/build-llama-tools.sh failed (exit {build.ExitCode}): {stderr.Result.Trim()}");
    }

    private static string Fail(string problem)
    {
        Assert.Fail($"{problem} The remote-backend tests need a real llama-server: run 'bash build/build-llama-tools.sh' (needs cmake, g++, make; about 5 minutes on 2 cores) or set STUDIES_LLAMA_SERVER to a llama-server binary.");
        return string.Empty;
    }
}
