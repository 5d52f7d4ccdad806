using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Studies.Cli.Output;

namespace Studies.Cli.Bench;

/// <summary>One llama-bench test (pp128, tg128, ...): tokens/s of each repetition.</summary>
internal sealed record LlamaBenchTest(string Name, IReadOnlyList<double> TokensPerSecond);

/// <summary>
/// llama.cpp's own llama-bench, the baseline: built from the pinned llama.cpp by build/build-llama-tools.sh (into a
/// cache outside the repository) when missing, then run with JSON output.
/// </summary>
internal sealed class LlamaBenchTool
{
    private readonly Action<string> _status;
    private string? _path;

    public LlamaBenchTool(Action<string> status) => _status = status;

    /// <summary>llama-bench's build ("de3ff81 (1)"), known after the first run.</summary>
    public string Build { get; private set; } = "";

    /// <summary>The llama-bench binary, built first when missing; one clear error when that is impossible.</summary>
    public async Task<string> LocateAsync(CancellationToken ct)
    {
        if (_path is not null)
        {
            return _path;
        }

        string script = Path.Combine(FindRepositoryRoot(), "build", "build-llama-tools.sh");
        var (code, stdout, _) = await RunAsync("bash", [script, "--print-dir"], forwardStderr: false, ct);
        if (code != 0)
        {
            _status("llama-bench is not built yet: building it from the pinned llama.cpp (several minutes, once)...");
            (code, stdout, string stderr) = await RunAsync("bash", [script], forwardStderr: true, ct);
            if (code != 0)
            {
                throw new UserInputException($"llama-bench (the baseline) is missing and building it with {script} failed: {LastLine(stderr)}");
            }
        }

        string path = Path.Combine(stdout.Trim().Split('\n')[^1].Trim(), "llama-bench");
        if (!File.Exists(path))
        {
            throw new UserInputException($"llama-bench (the baseline) was not found at {path}: delete that folder and run again to rebuild it with {script}.");
        }

        return _path = path;
    }

    /// <summary>
    /// Runs llama-bench on a model: tests pp{prompts} and tg{generate}, each repeated after its warm-up, with its
    /// default settings unless <paramref name="settings"/> adds some (e.g. "-fa", "off").
    /// </summary>
    public async Task<IReadOnlyList<LlamaBenchTest>> RunAsync(
        string model, int threads, IReadOnlyList<int> prompts, int generate, int repetitions, IReadOnlyList<string> settings, CancellationToken ct)
    {
        string path = await LocateAsync(ct);
        string[] args =
        [
            "-m", model, "-t", threads.ToString(CultureInfo.InvariantCulture),
            "-p", string.Join(',', prompts), "-n", generate.ToString(CultureInfo.InvariantCulture),
            "-r", repetitions.ToString(CultureInfo.InvariantCulture), "-o", "json", .. settings,
        ];
        var (code, stdout, stderr) = await RunAsync(path, args, forwardStderr: false, ct);
        if (code != 0)
        {
            throw new UserInputException($"llama-bench failed on {model} (exit {code}): {LastLine(stderr)}");
        }

        var tests = new List<LlamaBenchTest>();
        foreach (var t in JsonDocument.Parse(stdout).RootElement.EnumerateArray())
        {
            int p = t.GetProperty("n_prompt").GetInt32();
            int g = t.GetProperty("n_gen").GetInt32();
            string name = g > 0 ? $"tg{g}" : $"pp{p}";
            tests.Add(new LlamaBenchTest(name, t.GetProperty("samples_ts").EnumerateArray().Select(v => v.GetDouble()).ToArray()));
            Build = $"{t.GetProperty("build_commit").GetString()} ({t.GetProperty("build_number").GetInt32()})";
        }

        return tests;
    }

    /// <summary>The repository (where Studies.sln is) above the running program: the tool script lives there.</summary>
    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Studies.sln")) && File.Exists(Path.Combine(dir.FullName, "build", "build-llama-tools.sh")))
            {
                return dir.FullName;
            }
        }

        throw new UserInputException($"studies bench builds its baseline, llama-bench, with build/build-llama-tools.sh of the repository, but no repository (Studies.sln) is above {AppContext.BaseDirectory}: run it from a clone (./studies bench).");
    }

    /// <summary>The last line a tool wrote on stderr (its error), without its own "error: " prefix.</summary>
    private static string LastLine(string text)
    {
        string line = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "no output";
        return line.StartsWith("error: ", StringComparison.Ordinal) ? line["error: ".Length..] : line;
    }

    /// <summary>Runs a program to its end; with <paramref name="forwardStderr"/> its progress lines go to the status.</summary>
    private async Task<(int Code, string Stdout, string Stderr)> RunAsync(string file, IReadOnlyList<string> args, bool forwardStderr, CancellationToken ct)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = new Process { StartInfo = start };
        var stderr = new System.Text.StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (stderr)
            {
                stderr.AppendLine(e.Data);
            }

            if (forwardStderr)
            {
                _status(e.Data);
            }
        };
        if (!process.Start())
        {
            throw new UserInputException($"could not start {file}.");
        }

        process.BeginErrorReadLine();
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        try
        {
            await process.WaitForExitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        string output = await stdout;
        lock (stderr)
        {
            return (process.ExitCode, output, stderr.ToString());
        }
    }
}
