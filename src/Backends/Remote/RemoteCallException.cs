using System.Net;

namespace Studies.Backends.Remote;

/// <summary>
/// One failed attempt against an endpoint, with what the retry and circuit-breaker strategies need: the HTTP status,
/// the server's Retry-After and whether the failure is transient. The message is already redacted.
/// </summary>
internal sealed class RemoteCallException(string message, HttpStatusCode? status, TimeSpan? retryAfter, bool transient, Exception? inner = null)
    : Exception(message, inner)
{
    public HttpStatusCode? Status { get; } = status;

    public TimeSpan? RetryAfter { get; } = retryAfter;

    public bool Transient { get; } = transient;
}
