using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Studies.Experiments.Tests.Sweeps;

/// <summary>
/// Runs of different backends progress side by side: a remote endpoint that accepts connections and never answers
/// holds up only its own lane, while the local runs finish; SIGTERM still stops the daemon promptly.
/// </summary>
[Collection(DaemonProcessCollection.Name)]
public sealed class DaemonLanesTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(2);
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_hanging_remote_endpoint_does_not_stall_local_runs()
    {
        using var server = new SilentServer();
        string sweep = SweepFiles.Write(_dir, $"""
            study_file: base.yaml
            grid:
              - studies: [sentiment]
                models: [[stories260K, stories260K-chat]]
                seeds: [0, 1]
              - studies: [sentiment]
                models: [[{"{"}backend: remote, url: "http://127.0.0.1:{server.Port}/v1", model: tiny{"}"}]]
            """);
        string state = _dir.Combine("state");
        using var daemon = DaemonProcess.Start(_dir.Path, "daemon", "--sweep", sweep, "--state", state, "--poll", "0.5", "--heartbeat", "1");

        var clock = Stopwatch.StartNew();
        Dictionary<string, string> phases = [];
        while (phases.Count(p => p.Key.Contains("local") && p.Value == "done") < 2)
        {
            Assert.False(daemon.HasExited, daemon.Output);
            Assert.True(clock.Elapsed < Bound, $"the local runs did not finish: {string.Join(", ", phases)}\n{daemon.Output}");
            await Task.Delay(200);
            phases = Phases(state);
        }

        Assert.Equal("running", Assert.Single(phases, p => p.Key.Contains("remote")).Value);
        Assert.True(server.Connections > 0, "the remote run never reached the endpoint");

        var stop = Stopwatch.StartNew();
        daemon.Terminate();
        Assert.Equal(0, await daemon.WaitAsync(Bound));
        Assert.True(stop.Elapsed < TimeSpan.FromSeconds(5), $"SIGTERM took {stop.Elapsed.TotalSeconds:F1} s");
        Assert.Equal("pending", Phases(state).Single(p => p.Key.Contains("remote")).Value);
    }

    /// <summary>Lane and phase of every run, from point.json and state.json.</summary>
    private static Dictionary<string, string> Phases(string state)
    {
        var phases = new Dictionary<string, string>(StringComparer.Ordinal);
        string runs = Path.Combine(state, "runs");
        foreach (string run in Directory.Exists(runs) ? Directory.GetDirectories(runs) : [])
        {
            string pointPath = Path.Combine(run, "point.json"), statePath = Path.Combine(run, "state.json");
            if (!File.Exists(pointPath) || !File.Exists(statePath))
            {
                continue;
            }

            using var point = JsonDocument.Parse(File.ReadAllText(pointPath));
            using var runState = JsonDocument.Parse(File.ReadAllText(statePath));
            phases[$"{Path.GetFileName(run)} {point.RootElement.GetProperty("lane").GetString()}"] = runState.RootElement.GetProperty("phase").GetString()!;
        }

        return phases;
    }

    /// <summary>Accepts TCP connections and never answers: an endpoint that hangs.</summary>
    private sealed class SilentServer : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly List<TcpClient> _clients = [];
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _accepting;
        private int _connections;

        public SilentServer()
        {
            _listener.Start();
            _accepting = Task.Run(AcceptAsync);
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public int Connections => Volatile.Read(ref _connections);

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
            try
            {
                _accepting.Wait(TimeSpan.FromSeconds(5));
            }
            catch (AggregateException)
            {
                // Stopped while accepting.
            }

            lock (_clients)
            {
                _clients.ForEach(c => c.Dispose());
            }

            _stop.Dispose();
        }

        private async Task AcceptAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                try
                {
                    var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                    Interlocked.Increment(ref _connections);
                    lock (_clients)
                    {
                        _clients.Add(client);
                    }
                }
                catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
                {
                    return;
                }
            }
        }
    }
}
