using System.Diagnostics;
using System.Text.Json;
using Studies.Backends.Remote.Dto;

namespace Studies.Backends.Remote;

/// <summary>Raw-text generation through /v1/completions (vLLM, Ollama, llama-server when native completion is off).</summary>
internal sealed class OpenAiCompletionGenerator(OpenAiCompletionsApi api, RemoteRequestExecutor executor, RemoteServerKind kind, string model, int probesPerToken)
{
    public Task<GenerationResult> GenerateAsync(string prompt, GenerationRequest request, IReadOnlyList<string> stops, int sampleIndex, CancellationToken ct)
    {
        var s = request.Sampling;
        var (topK, minP) = SamplingMapper.Extras(kind, s);
        var body = new OpenAiCompletionRequest
        {
            Model = model,
            Prompt = prompt,
            MaxTokens = request.MaxTokens,
            Temperature = SamplingMapper.Temperature(s),
            TopP = s.TopP,
            TopK = topK,
            MinP = minP,
            Seed = SamplingMapper.Seed(s, sampleIndex),
            Logprobs = probesPerToken > 0 ? Math.Max(probesPerToken, request.TopLogprobs) : null,
            Stop = stops.Count > 0 ? stops : null,
        };
        return executor.ExecuteAsync("generate", async (endpoint, token) =>
        {
            var clock = Stopwatch.StartNew();
            var r = await api.CompleteAsync(endpoint, body, token).ConfigureAwait(false);
            return ToResult(r, request.TopLogprobs, clock.Elapsed.TotalMilliseconds);
        }, ct);
    }

    internal static GenerationResult ToResult(OpenAiCompletionResponse r, int topLogprobs, double elapsedMs)
    {
        var choice = r.Choices.Count > 0 ? r.Choices[0] : throw new JsonException("The completion response has no choices.");
        var tokens = Tokens(choice.Logprobs, topLogprobs);
        var finish = choice.FinishReason switch
        {
            "length" => FinishReason.Length,
            "stop" when choice.StopReason is { ValueKind: JsonValueKind.String } => FinishReason.Stop,
            _ => FinishReason.EndOfText,
        };
        int promptTokens = r.Usage?.PromptTokens ?? 0;
        int cached = r.Usage?.PromptTokensDetails?.CachedTokens ?? 0;
        return new GenerationResult(choice.Text ?? string.Empty, tokens, finish, promptTokens, r.Usage?.CompletionTokens ?? tokens.Count,
            new GenerationTimings(0, elapsedMs, promptTokens - cached, cached));
    }

    private static IReadOnlyList<TokenLogprob> Tokens(OpenAiCompletionLogprobs? logprobs, int topLogprobs)
    {
        if (logprobs?.Content is { } content)
        {
            return content.Select(p => LogprobMapper.FromNative(p, topLogprobs)).ToArray();
        }

        if (logprobs?.Tokens is not { } texts || logprobs.TokenLogprobs is not { } values)
        {
            return [];
        }

        var result = new TokenLogprob[Math.Min(texts.Count, values.Count)];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = LogprobMapper.FromLegacy(texts[i], values[i] ?? double.NegativeInfinity, logprobs.TopLogprobs?.ElementAtOrDefault(i), topLogprobs);
        }

        return result;
    }
}
