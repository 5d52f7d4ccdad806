using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Studies.Backends.Tests.Remote;

/// <summary>A llama-server on 127.0.0.1 and a free port, started for a test and stopped (by its own process id) after.</summary>
internal sealed class LlamaServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private LlamaServerProcess(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    public bool HasExited => _process.HasExited;

    public static async Task<LlamaServerProcess> StartAsync(string modelFile, string? apiKey = null, int slots = 1)
    {
        string binary = LlamaServerBinary.Path;
        int port = FreePort();
        var args = new List<string>
        {
            "-m", TestModels.PathOf(modelFile), "-t", "1", "--host", "127.0.0.1", "--port", port.ToString(),
            "-np", slots.ToString(), "-c", (2048 * slots).ToString(), "--no-webui",

            // The local backend's numerics: no flash attention and an F32 KV cache, with which logits do not depend on
            // how tokens were batched (the server's defaults, flash attention and F16, drift by ~6e-3 nats).
            "-fa", "off", "-ctk", "f32", "-ctv", "f32",
        };
        if (apiKey is not null)
        {
            args.AddRange(["--api-key", apiKey]);
        }

        var start = new ProcessStartInfo(binary, args) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        var process = Process.Start(start) ?? throw new InvalidOperationException("llama-server did not start");
        var server = new LlamaServerProcess(process, port);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await server.WaitHealthyAsync(TimeSpan.FromSeconds(60));
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    /// <summary>Stops the server now (the "server gone" scenario).</summary>
    public async Task StopAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            if (_log.Length < 64_000)
            {
                _log.AppendLine(line);
            }
        }
    }

    private async Task WaitHealthyAsync(TimeSpan limit)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                Assert.Fail($"llama-server exited with code {_process.ExitCode} at start:\n{Log()}");
            }

            try
            {
                using var response = await http.GetAsync($"{BaseUrl}/health");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(100);
        }

        Assert.Fail($"llama-server did not become healthy within {limit.TotalSeconds} s:\n{Log()}");
    }

    private string Log()
    {
        lock (_log)
        {
            return _log.ToString();
        }
    }
}
