using Microsoft.SemanticKernel.ChatCompletion;
using Polly;
using Polly.CircuitBreaker;

namespace Studies.Backends.Remote;

/// <summary>
/// One server of a pool: its base URL, its chat service and its own circuit breaker (so a dead server is skipped while
/// the others keep serving), with the count of requests it is serving now.
/// </summary>
internal sealed class RemoteEndpoint
{
    private int _inFlight;
    private long _openUntilTicks;

    public RemoteEndpoint(Uri baseUri, IChatCompletionService chat, ResiliencePipeline attempt, CircuitBreakerStateProvider state)
    {
        BaseUri = baseUri;
        Chat = chat;
        Attempt = attempt;
        State = state;
    }

    public Uri BaseUri { get; }

    public IChatCompletionService Chat { get; }

    /// <summary>Circuit breaker and per-attempt timeout around one request to this endpoint.</summary>
    public ResiliencePipeline Attempt { get; }

    public CircuitBreakerStateProvider State { get; }

    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>When the open circuit lets a trial request through again.</summary>
    public DateTimeOffset OpenUntil => new(Interlocked.Read(ref _openUntilTicks), TimeSpan.Zero);

    /// <summary>
    /// Whether to send a request here. Polly moves an open circuit to half-open only when a call tries it, so an open
    /// endpoint becomes eligible again once its break has elapsed.
    /// </summary>
    public bool IsAvailable(DateTimeOffset now) => State.CircuitState switch
    {
        CircuitState.Closed => true,
        CircuitState.HalfOpen => true,
        CircuitState.Open => now >= OpenUntil,
        _ => false,
    };

    public void MarkOpened(TimeSpan breakDuration) =>
        Interlocked.Exchange(ref _openUntilTicks, (DateTimeOffset.UtcNow + breakDuration).UtcTicks);

    public void Enter() => Interlocked.Increment(ref _inFlight);

    public void Exit() => Interlocked.Decrement(ref _inFlight);

    public override string ToString() => BaseUri.GetLeftPart(UriPartial.Authority);
}
