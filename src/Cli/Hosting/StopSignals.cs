using System.Runtime.InteropServices;

namespace Studies.Cli.Hosting;

/// <summary>
/// Turns Ctrl+C and SIGTERM into a "stop taking trials" token: the first signal stops gracefully (in-flight trials
/// finish and are saved); the process then exits non-zero and the same command resumes.
/// </summary>
internal sealed class StopSignals : IDisposable
{
    private readonly CancellationTokenSource _stop;
    private readonly PosixSignalRegistration[] _registrations;

    private StopSignals(CancellationToken outer)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(outer);
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal),
        ];
    }

    public CancellationToken Token => _stop.Token;

    public static StopSignals Register(CancellationToken outer) => new(outer);

    public void Dispose()
    {
        foreach (var r in _registrations)
        {
            r.Dispose();
        }

        _stop.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true; // keep the process alive until the in-flight trials are saved
        Console.Error.WriteLine($"{context.Signal}: finishing the trials in flight, then stopping (resume with the same command)...");
        _stop.Cancel();
    }
}
