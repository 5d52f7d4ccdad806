using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Studies.Backends.Remote;

/// <summary>
/// Typed HTTP client for the JSON APIs that Semantic Kernel does not cover (/v1/completions, llama-server's native
/// endpoints). One attempt per call: retries, timeouts and circuit breaking are the caller's pipeline. A failed status
/// becomes a <see cref="RemoteCallException"/> that carries Retry-After; the body is read whole before parsing so a
/// truncated or malformed one fails this attempt (and is retried) rather than yielding a partial result.
/// </summary>
internal sealed class RemoteHttpClient(HttpClient http, ApiKeySecret apiKey)
{
    private const int MaxErrorExcerpt = 300;

    public Task<TResponse> PostAsync<TRequest, TResponse>(Uri baseUri, string path, TRequest body, JsonTypeInfo<TRequest> requestType,
        JsonTypeInfo<TResponse> responseType, CancellationToken ct)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseUri, path))
        {
            Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, requestType))
            {
                Headers = { ContentType = new MediaTypeHeaderValue("application/json") },
            },
        };
        return SendAsync(request, responseType, ct);
    }

    public Task<TResponse> GetAsync<TResponse>(Uri baseUri, string path, JsonTypeInfo<TResponse> responseType, CancellationToken ct) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri(baseUri, path)), responseType, ct);

    private async Task<TResponse> SendAsync<TResponse>(HttpRequestMessage request, JsonTypeInfo<TResponse> responseType, CancellationToken ct)
    {
        using (request)
        {
            if (apiKey.Reveal() is { } key)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
            }

            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct).ConfigureAwait(false);
            byte[] content = await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                var status = response.StatusCode;
                string excerpt = Encoding.UTF8.GetString(content, 0, Math.Min(content.Length, MaxErrorExcerpt * 4));
                if (excerpt.Length > MaxErrorExcerpt)
                {
                    excerpt = excerpt[..MaxErrorExcerpt] + "...";
                }

                throw new RemoteCallException(
                    apiKey.Redact($"HTTP {(int)status} {status} from {request.RequestUri!.GetLeftPart(UriPartial.Path)}: {excerpt.Trim()}"),
                    status,
                    TransientFailures.RetryAfter(response.Headers.RetryAfter, DateTimeOffset.UtcNow),
                    TransientFailures.IsTransientStatus(status));
            }

            return JsonSerializer.Deserialize(content, responseType)
                ?? throw new JsonException($"Empty JSON response from {request.RequestUri!.GetLeftPart(UriPartial.Path)}.");
        }
    }
}
