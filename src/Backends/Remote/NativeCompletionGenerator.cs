using System.Diagnostics;
using Studies.Backends.Remote.Dto;

namespace Studies.Backends.Remote;

/// <summary>
/// Raw-text generation through llama-server's native /completion: token ids, and each token's probability from the
/// softmax of the raw logits over the whole vocabulary (n_probs with post_sampling_probs off), as the local backend.
/// </summary>
internal sealed class NativeCompletionGenerator(LlamaServerApi api, RemoteRequestExecutor executor, int probesPerToken)
{
    public Task<GenerationResult> GenerateAsync(string prompt, GenerationRequest request, IReadOnlyList<string> stops, int sampleIndex, CancellationToken ct)
    {
        var s = request.Sampling;
        var body = new NativeCompletionRequest
        {
            Prompt = LlamaPrompt.Of(prompt),
            NPredict = request.MaxTokens,
            Temperature = SamplingMapper.Temperature(s),
            TopK = s.TopK,
            TopP = s.TopP,
            MinP = s.MinP,
            Seed = SamplingMapper.Seed(s, sampleIndex),
            NProbs = Math.Max(probesPerToken, request.TopLogprobs),
            Stop = stops,
        };
        return executor.ExecuteAsync("generate", async (endpoint, token) =>
        {
            var clock = Stopwatch.StartNew();
            var r = await api.CompleteAsync(endpoint, body, token).ConfigureAwait(false);
            return ToResult(r, request.TopLogprobs, clock.Elapsed.TotalMilliseconds);
        }, ct);
    }

    internal static GenerationResult ToResult(NativeCompletionResponse r, int topLogprobs, double elapsedMs)
    {
        var tokens = (r.CompletionProbabilities ?? []).Select(p => LogprobMapper.FromNative(p, topLogprobs)).ToArray();
        var finish = r.StopType switch
        {
            "eos" => FinishReason.EndOfText,
            "word" => FinishReason.Stop,
            _ when r.Truncated => FinishReason.ContextFull,
            _ => FinishReason.Length,
        };
        var t = r.Timings;
        var timings = t is null
            ? new GenerationTimings(0, elapsedMs, r.TokensEvaluated, r.TokensCached)
            : new GenerationTimings(t.PromptMs, t.PredictedMs, t.PromptN, t.CacheN);
        return new GenerationResult(r.Content ?? string.Empty, tokens, finish, r.TokensEvaluated, r.TokensPredicted, timings);
    }
}
