namespace Studies.Backends.Remote;

/// <summary>Retry of transient failures (429, 500, 502, 503, 504, timeouts, resets, malformed JSON).</summary>
public sealed record RemoteRetryOptions
{
    /// <summary>Retries after the first attempt.</summary>
    public int MaxRetries { get; init; } = 8;

    /// <summary>First backoff delay; it doubles each retry, with jitter.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Upper bound of one backoff delay.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest Retry-After the client honours; a server asking for longer waits this long.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(60);
}
