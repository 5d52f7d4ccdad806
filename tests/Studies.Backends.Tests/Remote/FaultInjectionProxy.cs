using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace Studies.Backends.Tests.Remote;

public enum Fault
{
    TooManyRequests,
    InternalError,
    Unavailable,
    Delay,
    Reset,
    Malformed,
    Truncated,
}

/// <summary>
/// An HTTP proxy on 127.0.0.1 in front of a real server that fails a given fraction of requests, each with one of the
/// faults a remote model meets: 429 with Retry-After, 500, 503 with Retry-After, a delay past the client's timeout,
/// a connection reset, malformed JSON, and JSON cut short. The choice is seeded, so a run is reproducible.
/// </summary>
internal sealed class FaultInjectionProxy : IAsyncDisposable
{
    private static readonly Fault[] AllFaults = Enum.GetValues<Fault>();
    private readonly HttpListener _listener = new();
    private readonly HttpClient _upstream = new() { Timeout = TimeSpan.FromSeconds(60) };
    private readonly string _target;
    private readonly Random _random;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public FaultInjectionProxy(string targetBaseUrl, double faultRate, int seed, TimeSpan delay, IReadOnlyList<Fault>? faults = null)
    {
        _target = targetBaseUrl.TrimEnd('/');
        FaultRate = faultRate;
        Delay = delay;
        Faults = faults ?? AllFaults;
        _random = new Random(seed);
        Port = LlamaServerProcess.FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(AcceptLoopAsync);
    }

    public int Port { get; }

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    public double FaultRate { get; set; }

    public TimeSpan Delay { get; }

    public IReadOnlyList<Fault> Faults { get; }

    public ConcurrentDictionary<Fault, int> Injected { get; } = new();

    public int Forwarded => _forwarded;

    private int _forwarded;

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (Exception)
        {
        }

        _upstream.Dispose();
        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    /// <summary>When set, error bodies quote the request's Authorization header (as a careless server might).</summary>
    public bool LeakAuthorization { get; set; }

    private int _faultCount;

    /// <summary>Whether to fail this request (seeded), and how: the kinds take turns so every kind occurs.</summary>
    private Fault? Choose()
    {
        lock (_random)
        {
            return _random.NextDouble() < FaultRate ? Faults[_faultCount++ % Faults.Count] : null;
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var response = context.Response;
        try
        {
            var fault = Choose();
            if (fault is { } f)
            {
                Injected.AddOrUpdate(f, 1, (_, n) => n + 1);
            }

            string leak = LeakAuthorization ? $" (request had Authorization: {context.Request.Headers["Authorization"]})" : string.Empty;
            switch (fault)
            {
                case Fault.TooManyRequests:
                    await WriteAsync(response, 429, $"{{\"error\":{{\"message\":\"rate limited{leak}\"}}}}", retryAfter: "1");
                    return;
                case Fault.InternalError:
                    await WriteAsync(response, 500, $"{{\"error\":{{\"message\":\"internal error{leak}\"}}}}");
                    return;
                case Fault.Unavailable:
                    await WriteAsync(response, 503, "{\"error\":{\"message\":\"loading model\"}}", retryAfter: "0");
                    return;
                case Fault.Reset:
                    response.Abort();
                    return;
                case Fault.Delay:
                    await Task.Delay(Delay, _stop.Token);
                    break;
            }

            var (status, contentType, body) = await ForwardAsync(context.Request);
            Interlocked.Increment(ref _forwarded);
            if (fault == Fault.Malformed)
            {
                await WriteAsync(response, 200, "{\"content\": \"<html>oops</html>\", \"choices\": [ {]", contentType);
                return;
            }

            if (fault == Fault.Truncated)
            {
                await WriteAsync(response, 200, Encoding.UTF8.GetString(body, 0, body.Length / 2), contentType);
                return;
            }

            response.StatusCode = status;
            response.ContentType = contentType;
            response.ContentLength64 = body.Length;
            await response.OutputStream.WriteAsync(body);
            response.Close();
        }
        catch (Exception)
        {
            try
            {
                response.Abort();
            }
            catch (Exception)
            {
            }
        }
    }

    private async Task<(int Status, string? ContentType, byte[] Body)> ForwardAsync(HttpListenerRequest request)
    {
        using var message = new HttpRequestMessage(new HttpMethod(request.HttpMethod), _target + request.Url!.PathAndQuery);
        if (request.HasEntityBody)
        {
            using var ms = new MemoryStream();
            await request.InputStream.CopyToAsync(ms);
            message.Content = new ByteArrayContent(ms.ToArray());
            message.Content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType ?? "application/json");
        }

        if (request.Headers["Authorization"] is { } auth)
        {
            message.Headers.TryAddWithoutValidation("Authorization", auth);
        }

        using var upstream = await _upstream.SendAsync(message, _stop.Token);
        return ((int)upstream.StatusCode, upstream.Content.Headers.ContentType?.ToString(), await upstream.Content.ReadAsByteArrayAsync(_stop.Token));
    }

    private static async Task WriteAsync(HttpListenerResponse response, int status, string body, string? contentType = "application/json", string? retryAfter = null)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(body);
        response.StatusCode = status;
        response.ContentType = contentType;
        if (retryAfter is not null)
        {
            response.AddHeader("Retry-After", retryAfter);
        }

        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes);
        response.Close();
    }
}
