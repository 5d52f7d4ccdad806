using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Studies.Experiments.Scheduling;

namespace Studies.Experiments.Engine;

/// <summary>
/// Runs one <see cref="StudyRunRequest"/> as a hosted service and then stops the host. On Ctrl+C / SIGTERM the host
/// cancels the stopping token: no new trials start, in-flight ones finish and are saved. If they outlast the host's
/// shutdown timeout (HostOptions.ShutdownTimeout) they are aborted and run again on resume. The CLI reads
/// <see cref="Result"/> (or awaits <see cref="Completion"/>) after the host stops and maps it to an exit code.
/// </summary>
public sealed class StudyRunService(
    StudyEngine engine,
    IOptions<StudyRunRequest> request,
    IRunProgress progress,
    IHostApplicationLifetime lifetime,
    ILogger<StudyRunService> logger) : BackgroundService
{
    private static readonly TimeSpan AbortGrace = TimeSpan.FromSeconds(10);

    private readonly CancellationTokenSource _abort = new();
    private readonly TaskCompletionSource<RunResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The run's result; null until it ends.</summary>
    public RunResult? Result { get; private set; }

    public Task<RunResult> Completion => _completion.Task;

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // The host's shutdown budget is the drain budget: past it, abort in-flight trials, then give the run a
        // moment to save what finished and release the folder.
        await using (cancellationToken.Register(() => _abort.Cancel()).ConfigureAwait(false))
        {
            await base.StopAsync(cancellationToken).ConfigureAwait(false);
        }

        if (ExecuteTask is { IsCompleted: false } running)
        {
            await Task.WhenAny(running, Task.Delay(AbortGrace, CancellationToken.None)).ConfigureAwait(false);
        }
    }

    public override void Dispose()
    {
        _abort.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        RunResult result;
        try
        {
            result = await engine.RunAsync(request.Value, progress, stoppingToken, _abort.Token).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            logger.LogError(e, "The run failed unexpectedly");
            result = new RunResult { Status = RunStatus.Faulted, Message = $"The run failed unexpectedly: {e.Message}. Finished trials are saved; resume with the same command." };
        }

        Result = result;
        _completion.TrySetResult(result);
        lifetime.StopApplication();
    }
}
