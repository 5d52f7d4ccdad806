using System.ClientModel;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using ChatCompletion = OpenAI.Chat.ChatCompletion;
using ChatFinishReason = OpenAI.Chat.ChatFinishReason;

namespace Studies.Backends.Remote;

/// <summary>
/// Chat generation through Semantic Kernel's OpenAI chat completion service, with logprobs and top_logprobs read from
/// the OpenAI SDK's ChatCompletion (the result's inner content). SDK failures become <see cref="RemoteCallException"/>
/// so that the same retry and circuit-breaker rules apply as for the raw endpoints.
/// </summary>
internal sealed class SemanticKernelChatGenerator(RemoteRequestExecutor executor, RemoteServerKind kind, ApiKeySecret apiKey, int probesPerToken)
{
    public Task<GenerationResult> GenerateAsync(IReadOnlyList<Studies.Backends.ChatMessage> messages, GenerationRequest request, IReadOnlyList<string> stops,
        int sampleIndex, CancellationToken ct)
    {
        var history = new ChatHistory();
        foreach (var m in messages)
        {
            history.AddMessage(new AuthorRole(m.Role), m.Content);
        }

        var s = request.Sampling;
        var (topK, minP) = SamplingMapper.Extras(kind, s);
        var extra = new Dictionary<string, object?>();
        if (topK is { } k)
        {
            extra["top_k"] = k;
        }

        if (minP is { } p)
        {
            extra["min_p"] = p;
        }

        var settings = new OpenAIPromptExecutionSettings
        {
            Temperature = SamplingMapper.Temperature(s),
            TopP = s.TopP,
            MaxTokens = request.MaxTokens,
            Seed = SamplingMapper.Seed(s, sampleIndex),
            StopSequences = stops.Count > 0 ? [.. stops] : null,
            Logprobs = probesPerToken > 0,
            TopLogprobs = probesPerToken > 0 ? Math.Max(probesPerToken, request.TopLogprobs) : null,
        };

        // ExtraBody is marked experimental in Semantic Kernel, but it is the only way to send llama.cpp's and vLLM's
        // top_k / min_p (without them the server's own defaults would apply).
#pragma warning disable SKEXP0010
        settings.ExtraBody = extra.Count > 0 ? extra : null;
#pragma warning restore SKEXP0010

        return executor.ExecuteAsync("chat", async (endpoint, token) =>
        {
            var clock = Stopwatch.StartNew();
            ChatMessageContent content;
            try
            {
                content = await endpoint.Chat.GetChatMessageContentAsync(history, settings, kernel: null, token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                throw Translate(ex);
            }

            return ToResult(content, request.TopLogprobs, stops.Count > 0, clock.Elapsed.TotalMilliseconds);
        }, ct);
    }

    private static GenerationResult ToResult(ChatMessageContent content, int topLogprobs, bool hadStops, double elapsedMs)
    {
        if (content.InnerContent is not ChatCompletion completion)
        {
            throw new JsonException("The chat response carries no completion.");
        }

        var tokens = (completion.ContentTokenLogProbabilities ?? []).Select(d => LogprobMapper.FromChat(d, topLogprobs)).ToArray();

        // The API says "stop" both for end of text and for a stop string; with stop strings asked (ChatML's <|im_end|>
        // included) it is reported as Stop, as the local backend does.
        var finish = completion.FinishReason switch
        {
            ChatFinishReason.Length => FinishReason.Length,
            ChatFinishReason.Stop when hadStops => FinishReason.Stop,
            _ => FinishReason.EndOfText,
        };
        int promptTokens = completion.Usage?.InputTokenCount ?? 0;
        int cached = completion.Usage?.InputTokenDetails?.CachedTokenCount ?? 0;
        return new GenerationResult(content.Content ?? string.Empty, tokens, finish, promptTokens, completion.Usage?.OutputTokenCount ?? tokens.Length,
            new GenerationTimings(0, elapsedMs, promptTokens - cached, cached));
    }

    /// <summary>SDK exceptions to the backend's own: status and Retry-After from the raw response, transport and parse failures transient.</summary>
    private Exception Translate(Exception ex)
    {
        HttpStatusCode? status = ex is HttpOperationException { StatusCode: { } sc } ? sc : null;
        string? retryAfter = null;
        for (var e = ex; e is not null; e = e.InnerException)
        {
            if (e is ClientResultException cre)
            {
                if (status is null && cre.Status > 0)
                {
                    status = (HttpStatusCode)cre.Status;
                }

                if (cre.GetRawResponse()?.Headers.TryGetValue("Retry-After", out var value) == true)
                {
                    retryAfter = value;
                }
            }
        }

        bool transport = Chain(ex).Any(e => e is HttpRequestException or IOException or JsonException);
        bool transient = status is { } st ? TransientFailures.IsTransientStatus(st) : transport;
        string reason = status is { } code ? $"HTTP {(int)code} {code}" : transport ? TransientFailures.Describe(Chain(ex).First(e => e is HttpRequestException or IOException or JsonException)) : ex.Message;
        return new RemoteCallException(apiKey.Redact($"chat completion failed: {reason}"), status,
            TransientFailures.RetryAfter(retryAfter, DateTimeOffset.UtcNow), transient, RedactedException.From(ex, apiKey));
    }

    private static IEnumerable<Exception> Chain(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }
}
