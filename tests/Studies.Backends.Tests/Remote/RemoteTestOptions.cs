using Studies.Backends.Remote;

namespace Studies.Backends.Tests.Remote;

/// <summary>Options for tests: short delays and timeouts so fault and outage scenarios run in seconds.</summary>
internal static class RemoteTestOptions
{
    public static RemoteBackendOptions For(string model, params string[] endpoints) => new()
    {
        Model = model,
        Server = RemoteServerKind.LlamaServer,
        Endpoints = endpoints,
        ApiKeyEnv = LlamaServerFixture.KeyVariable,
        Concurrency = 4,
        AttemptTimeout = TimeSpan.FromSeconds(5),
        TotalTimeout = TimeSpan.FromSeconds(120),
        Retry = new RemoteRetryOptions { MaxRetries = 12, BaseDelay = TimeSpan.FromMilliseconds(20), MaxDelay = TimeSpan.FromMilliseconds(250) },
        CircuitBreaker = new RemoteCircuitBreakerOptions { BreakDuration = TimeSpan.FromSeconds(30) },
    };
}
