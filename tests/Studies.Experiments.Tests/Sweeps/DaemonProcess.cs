using System.Diagnostics;
using System.Text;

namespace Studies.Experiments.Tests.Sweeps;

/// <summary>
/// The real `studies daemon` as a child process (dotnet studies.dll, built beside the tests), its output captured.
/// Disposing kills it if it still runs, so no test leaves a daemon behind.
/// </summary>
public sealed class DaemonProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private DaemonProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static string StudiesDll => Path.Combine(AppContext.BaseDirectory, "studies.dll");

    /// <summary>Starts `studies ARGS` in <paramref name="workingDirectory"/> with the shared models on the search path.</summary>
    public static DaemonProcess Start(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(StudiesDll);
        foreach (string a in args)
        {
            start.ArgumentList.Add(a);
        }

        start.Environment["STUDIES_MODELS"] = TestPaths.ModelsDirectory;
        start.Environment["DOTNET_NOLOGO"] = "1";
        return new DaemonProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start."));
    }

    /// <summary>Runs `studies ARGS` to its end (bounded) and returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string workingDirectory, TimeSpan timeout, params string[] args)
    {
        using var process = Start(workingDirectory, args);
        int code = await process.WaitAsync(timeout);
        return (code, process.Output);
    }

    /// <summary>Waits for the exit (bounded); on timeout the process is killed and the test fails with its output.</summary>
    public async Task<int> WaitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            KillNow();
            Assert.Fail($"studies did not exit within {timeout}. Output:\n{Output}");
        }

        _process.WaitForExit(); // drains the redirected output
        return _process.ExitCode;
    }

    /// <summary>SIGKILL: no handler runs, nothing is flushed; what was written is all there is.</summary>
    public void KillNow()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    /// <summary>SIGTERM, as systemd (or `kill`) sends it.</summary>
    public void Terminate()
    {
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", Pid.ToString(System.Globalization.CultureInfo.InvariantCulture) } })!;
        kill.WaitForExit();
    }

    public void Dispose()
    {
        try
        {
            KillNow();
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
