using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Studies.Backends.Remote;

/// <summary>Which failures are worth retrying, which say an endpoint is unwell, and what the server asked us to wait.</summary>
internal static class TransientFailures
{
    /// <summary>Statuses retried: throttling and the server-side failures a retry can cure.</summary>
    public static bool IsTransientStatus(HttpStatusCode status) => status is HttpStatusCode.TooManyRequests
        or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable
        or HttpStatusCode.GatewayTimeout or HttpStatusCode.RequestTimeout;

    /// <summary>A failed attempt another attempt may cure (callers' own cancellation never is).</summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        RemoteCallException r => r.Transient,
        RemoteUnavailableException => false,
        TimeoutRejectedException or BrokenCircuitException or IsolatedCircuitException => true,
        HttpRequestException or JsonException or IOException => true,
        _ => false,
    };

    /// <summary>A failure that counts against an endpoint's health: not throttling, not the caller's own mistakes.</summary>
    public static bool CountsAgainstEndpoint(Exception exception) => exception switch
    {
        RemoteCallException { Status: HttpStatusCode.TooManyRequests } => false,
        RemoteCallException { Status: not null } r => (int)r.Status.Value >= 500,
        RemoteCallException r => r.Transient,
        TimeoutRejectedException or HttpRequestException or IOException => true,
        _ => false,
    };

    /// <summary>A short reason for logs ("HTTP 503", "timeout", "connection reset", "malformed JSON").</summary>
    public static string Describe(Exception exception) => exception switch
    {
        RemoteCallException r => r.Message,
        TimeoutRejectedException => "attempt timed out",
        BrokenCircuitException => "endpoint circuit open",
        HttpRequestException h => $"connection failed ({h.HttpRequestError})",
        JsonException => "malformed JSON",
        IOException => "connection reset",
        _ => $"{exception.GetType().Name}: {exception.Message}",
    };

    /// <summary>The delay a 429/503 response asks for: Retry-After as seconds or as an HTTP date.</summary>
    public static TimeSpan? RetryAfter(RetryConditionHeaderValue? header, DateTimeOffset now)
    {
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - now;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    /// <summary>Parses a raw Retry-After value (SDKs expose headers as strings).</summary>
    public static TimeSpan? RetryAfter(string? value, DateTimeOffset now) =>
        value is not null && RetryConditionHeaderValue.TryParse(value, out var parsed) ? RetryAfter(parsed, now) : null;
}
