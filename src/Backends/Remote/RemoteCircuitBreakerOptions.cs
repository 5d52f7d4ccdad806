namespace Studies.Backends.Remote;

/// <summary>
/// Per-endpoint circuit breaker. Only failures that say the server is unwell count (5xx, timeouts, connection errors),
/// not throttling (429). The defaults tolerate a flaky server (30% failures) but open for a dead or broken one.
/// </summary>
public sealed record RemoteCircuitBreakerOptions
{
    /// <summary>Fraction of failed attempts within <see cref="SamplingDuration"/> that opens the circuit.</summary>
    public double FailureRatio { get; init; } = 0.7;

    /// <summary>Attempts needed in the window before the ratio is judged.</summary>
    public int MinimumThroughput { get; init; } = 10;

    public TimeSpan SamplingDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open circuit rejects calls before one trial request is let through.</summary>
    public TimeSpan BreakDuration { get; init; } = TimeSpan.FromSeconds(15);
}
