using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Retry;
using Polly.Timeout;

namespace Studies.Backends.Remote;

/// <summary>
/// Builds the Polly v8 pipelines. Per call (outermost first): concurrency limit (calls in progress, their retries
/// included, so backoff under throttling also slows the caller), total timeout, retry with exponential backoff and
/// jitter honouring Retry-After, optional rate limit (each attempt counts). Per endpoint: circuit breaker, then the
/// per-attempt timeout (so timeouts count against the endpoint's health).
/// </summary>
internal static class RemoteResilience
{
    public static ResiliencePipeline CallPipeline(RemoteBackendOptions options, ILogger logger, out IDisposable? ownedLimiter)
    {
        var retry = options.Retry;
        var builder = new ResiliencePipelineBuilder()
            .AddConcurrencyLimiter(new ConcurrencyLimiterOptions { PermitLimit = Math.Max(1, options.Concurrency), QueueLimit = int.MaxValue })
            .AddTimeout(new TimeoutStrategyOptions { Timeout = options.TotalTimeout, Name = "total" })
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = Math.Max(0, retry.MaxRetries),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = retry.BaseDelay,
                MaxDelay = retry.MaxDelay,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } e && TransientFailures.IsTransient(e)),
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Exception is RemoteCallException { RetryAfter: { } after }
                        ? (TimeSpan?)(after > retry.MaxRetryAfter ? retry.MaxRetryAfter : after)
                        : null),
                OnRetry = args =>
                {
                    logger.LogDebug("Retrying {Operation} (retry {Retry} of {MaxRetries}) in {DelayMs:0} ms: {Reason}",
                        args.Context.OperationKey, args.AttemptNumber + 1, retry.MaxRetries, args.RetryDelay.TotalMilliseconds,
                        args.Outcome.Exception is { } e ? TransientFailures.Describe(e) : "unknown");
                    return default;
                },
            });

        ownedLimiter = null;
        if (options.RequestsPerMinute is > 0 and var rpm)
        {
            // A token bucket refilled every second keeps bursts small; waiting requests queue rather than fail.
            int perSecond = Math.Max(1, (int)Math.Ceiling(rpm / 60.0));
            var limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                TokenLimit = perSecond,
                TokensPerPeriod = perSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(perSecond * 60.0 / rpm),
                QueueLimit = int.MaxValue,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            });
            ownedLimiter = limiter;
            builder.AddRateLimiter(limiter);
        }

        return builder.Build();
    }

    public static ResiliencePipeline AttemptPipeline(RemoteBackendOptions options, string endpoint, CircuitBreakerStateProvider state,
        Action<TimeSpan> onOpened, ILogger logger)
    {
        var cb = options.CircuitBreaker;
        return new ResiliencePipelineBuilder()
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                FailureRatio = Math.Clamp(cb.FailureRatio, 0.01, 1.0),
                MinimumThroughput = Math.Max(2, cb.MinimumThroughput),
                SamplingDuration = Max(cb.SamplingDuration, TimeSpan.FromMilliseconds(500)),
                BreakDuration = Max(cb.BreakDuration, TimeSpan.FromMilliseconds(500)),
                StateProvider = state,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } e && TransientFailures.CountsAgainstEndpoint(e)),
                OnOpened = args =>
                {
                    onOpened(args.BreakDuration);
                    logger.LogWarning("Endpoint {Endpoint} is failing ({Reason}): circuit open, skipped for {Seconds:0.#} s",
                        endpoint, args.Outcome.Exception is { } e ? TransientFailures.Describe(e) : "unknown", args.BreakDuration.TotalSeconds);
                    return default;
                },
                OnHalfOpened = _ =>
                {
                    logger.LogDebug("Endpoint {Endpoint}: trying one request (circuit half-open)", endpoint);
                    return default;
                },
                OnClosed = _ =>
                {
                    logger.LogInformation("Endpoint {Endpoint} recovered (circuit closed)", endpoint);
                    return default;
                },
            })
            .AddTimeout(new TimeoutStrategyOptions { Timeout = options.AttemptTimeout, Name = "attempt" })
            .Build();
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
