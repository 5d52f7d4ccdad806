using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Studies.Experiments.Sweeps;

/// <summary>
/// `--status-port N`: GET http://127.0.0.1:N/ (any path) answers the sweep's status as JSON — the same document as
/// `studies status --json`. Loopback only: the status names files and models, nothing for the network.
/// </summary>
internal sealed class StatusEndpoint(int port, Func<SweepStatus> status, ILogger logger) : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private Task? _loop;

    public void Start(CancellationToken cancellationToken)
    {
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        try
        {
            _listener.Start();
        }
        catch (HttpListenerException e)
        {
            throw new InvalidOperationException($"cannot serve the status on http://127.0.0.1:{port}/ ({e.Message}): choose another --status-port.", e);
        }

        logger.LogInformation("Serving the sweep status as JSON on http://127.0.0.1:{Port}/", port);
        _loop = Task.Run(() => ServeAsync(cancellationToken), CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        if (_listener.IsListening)
        {
            _listener.Stop();
        }

        if (_loop is not null)
        {
            await _loop.ConfigureAwait(false);
        }

        _listener.Close();
    }

    private async Task ServeAsync(CancellationToken cancellationToken)
    {
        using var stop = cancellationToken.Register(() => _listener.Stop());
        while (!cancellationToken.IsCancellationRequested && _listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return; // stopped
            }

            try
            {
                byte[] body = JsonSerializer.SerializeToUtf8Bytes(status(), SweepJsonContext.Default.SweepStatus);
                context.Response.ContentType = "application/json; charset=utf-8";
                context.Response.ContentLength64 = body.Length;
                await context.Response.OutputStream.WriteAsync(body, cancellationToken).ConfigureAwait(false);
                context.Response.Close();
            }
            catch (Exception e) when (e is HttpListenerException or IOException or OperationCanceledException)
            {
                logger.LogDebug(e, "A status request ended early");
                context.Response.Abort();
            }
        }
    }
}
