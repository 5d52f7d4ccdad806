using System.Diagnostics;
using Polly;
using Polly.Timeout;

namespace Studies.Backends.Remote;

/// <summary>
/// Runs one logical request through the call pipeline, choosing an endpoint for every attempt (a retry may go to
/// another server), and turns what finally fails into one <see cref="ModelBackendException"/> with a clear, redacted
/// message: the engine records the trial as failed.
/// </summary>
internal sealed class RemoteRequestExecutor(ResiliencePipeline pipeline, EndpointPool pool, RemoteBackendOptions options, ApiKeySecret apiKey, string modelName)
{
    public async Task<T> ExecuteAsync<T>(string operation, Func<RemoteEndpoint, CancellationToken, Task<T>> call, CancellationToken ct)
    {
        var context = ResilienceContextPool.Shared.Get(operation, ct);
        var clock = Stopwatch.StartNew();
        int attempts = 0;
        try
        {
            return await pipeline.ExecuteAsync(async (ctx, state) =>
            {
                Interlocked.Increment(ref attempts);
                var endpoint = pool.Pick();
                endpoint.Enter();
                try
                {
                    return await endpoint.Attempt.ExecuteAsync(
                        static async (inner, s) => await s.call(s.endpoint, inner.CancellationToken).ConfigureAwait(false),
                        ctx, (call: state, endpoint)).ConfigureAwait(false);
                }
                finally
                {
                    endpoint.Exit();
                }
            }, context, call).ConfigureAwait(false);
        }
        catch (RemoteUnavailableException)
        {
            throw;
        }
        catch (ModelBackendException)
        {
            throw;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (TimeoutRejectedException ex) when (clock.Elapsed >= options.TotalTimeout)
        {
            throw new ModelBackendException(apiKey.Redact(
                $"{operation} on remote model {modelName} did not complete within {options.TotalTimeout.TotalSeconds:0.#} s (total_timeout; {attempts} attempt(s)): the server is too slow or overloaded. Raise total_timeout or lower concurrency."),
                RedactedException.From(ex, apiKey));
        }
        catch (Exception ex) when (TransientFailures.IsTransient(ex))
        {
            throw new ModelBackendException(apiKey.Redact(
                $"{operation} on remote model {modelName} failed after {attempts} attempt(s); last error: {TransientFailures.Describe(ex)}. Check the server at {string.Join(", ", pool.Endpoints)}, or raise retry.max_retries."),
                RedactedException.From(ex, apiKey));
        }
        catch (Exception ex)
        {
            throw new ModelBackendException(apiKey.Redact(
                $"{operation} on remote model {modelName} was refused: {TransientFailures.Describe(ex)}"),
                RedactedException.From(ex, apiKey));
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }
}
