using System.Diagnostics;
using Studies.Backends.Remote.Dto;

namespace Studies.Backends.Remote;

/// <summary>
/// Candidate scoring on servers that return prompt logprobs with echo (vLLM): prefix + candidate is sent with
/// echo and logprobs, and the candidate's tokens are those starting at or after the prefix's end (text_offset). A token
/// that straddles the boundary is counted with the candidate. Raw prompts only: the chat template is applied server-side.
/// </summary>
internal sealed class EchoScorer(OpenAiCompletionsApi api, RemoteRequestExecutor executor, string model, int probesPerToken)
{
    public async Task<ScoringResult> ScoreAsync(ScoringRequest request, CancellationToken ct)
    {
        if (request.Prefix.IsChat)
        {
            throw new CapabilityException("Prompt scoring through echo needs a raw-text prefix on this server: render the chat yourself or use llama-server.");
        }

        var clock = Stopwatch.StartNew();
        string prefix = request.Prefix.Text!;
        var tasks = request.Candidates.Select(c => ScoreOneAsync(prefix, c, request.TopLogprobs, ct)).ToArray();
        var results = await Task.WhenAll(tasks).ConfigureAwait(false);
        int prefixTokens = results.Length > 0 ? results.Min(r => r.PrefixTokens) : 0;
        return new ScoringResult(results.Select(r => r.Score).ToArray(), prefixTokens, results.Sum(r => r.Evaluated), clock.Elapsed.TotalMilliseconds);
    }

    private async Task<(CandidateScore Score, int PrefixTokens, int Evaluated)> ScoreOneAsync(string prefix, string candidate, int topLogprobs, CancellationToken ct)
    {
        var body = new OpenAiCompletionRequest
        {
            Model = model,
            Prompt = prefix + candidate,
            MaxTokens = 1,
            Temperature = 0f,
            Logprobs = Math.Max(1, Math.Max(probesPerToken, topLogprobs)),
            Echo = true,
        };
        var r = await executor.ExecuteAsync("score", (e, t) => api.CompleteAsync(e, body, t), ct).ConfigureAwait(false);
        return Select(r, prefix.Length, candidate, topLogprobs);
    }

    internal static (CandidateScore Score, int PrefixTokens, int Evaluated) Select(OpenAiCompletionResponse r, int prefixChars, string candidate, int topLogprobs)
    {
        var lp = r.Choices.FirstOrDefault()?.Logprobs;
        if (lp?.Tokens is not { } tokens || lp.TokenLogprobs is not { } values || lp.TextOffset is not { } offsets)
        {
            throw new ModelBackendException("The server returned no prompt logprobs for an echo request: it cannot score prompts. Set capabilities.prompt_scoring: false for this model.");
        }

        // The echoed prompt is followed by the one generated token, which is not part of the candidate.
        int promptTokens = r.Usage?.PromptTokens is > 0 and var p ? Math.Min(p, tokens.Count) : tokens.Count - 1;
        var picked = new List<TokenLogprob>();
        int first = -1;
        for (int i = 0; i < promptTokens; i++)
        {
            int end = i + 1 < offsets.Count ? offsets[i + 1] : int.MaxValue;
            if (end > prefixChars && values[i] is { } value)
            {
                first = first < 0 ? i : first;
                picked.Add(LogprobMapper.FromLegacy(tokens[i], value, lp.TopLogprobs?.ElementAtOrDefault(i), topLogprobs));
            }
        }

        if (picked.Count == 0)
        {
            throw new ModelBackendException($"The candidate \"{candidate}\" has no tokens after the prefix: candidates must be non-empty text.");
        }

        return (new CandidateScore(candidate, picked.Sum(t => (double)t.Logprob), picked), first, promptTokens);
    }
}
