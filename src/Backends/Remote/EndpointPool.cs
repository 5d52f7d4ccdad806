namespace Studies.Backends.Remote;

/// <summary>
/// Chooses the endpoint for each attempt: the least busy of those whose circuit is not open, rotating among equals so
/// load spreads evenly. When every circuit is open the call fails at once with one clear error.
/// </summary>
internal sealed class EndpointPool(IReadOnlyList<RemoteEndpoint> endpoints, string modelName, TimeProvider time)
{
    private int _next;

    public IReadOnlyList<RemoteEndpoint> Endpoints { get; } = endpoints;

    public RemoteEndpoint Pick()
    {
        var now = time.GetUtcNow();
        int start = Interlocked.Increment(ref _next);
        RemoteEndpoint? best = null;
        for (int i = 0; i < Endpoints.Count; i++)
        {
            var candidate = Endpoints[(int)((uint)(start + i) % (uint)Endpoints.Count)];
            if (candidate.IsAvailable(now) && (best is null || candidate.InFlight < best.InFlight))
            {
                best = candidate;
            }
        }

        return best ?? throw Unavailable(now);
    }

    private RemoteUnavailableException Unavailable(DateTimeOffset now)
    {
        var soonest = Endpoints.Min(e => e.OpenUntil);
        double wait = Math.Max(0, (soonest - now).TotalSeconds);
        return new RemoteUnavailableException(
            $"Remote model {modelName} is unavailable: all {Endpoints.Count} endpoint(s) ({string.Join(", ", Endpoints)}) failed repeatedly and are paused (circuit open) for another {wait:0.#} s. Check that the server is running and reachable, then run again.");
    }
}
