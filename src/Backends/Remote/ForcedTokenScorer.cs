using System.Diagnostics;
using System.Text;
using Studies.Backends.Remote.Dto;

namespace Studies.Backends.Remote;

/// <summary>
/// Teacher-forced candidate scoring on llama-server, which cannot return prompt logprobs (its /v1/completions refuses
/// echo). Each candidate's tokens are forced as the generation with a token-level grammar ("root ::= &lt;[id]&gt; ..."):
/// the grammar only decides which token is emitted, while the reported probability (n_probs, post_sampling_probs off)
/// is the softmax of the raw logits over the whole vocabulary at that position, the same quantity the local backend
/// computes. Accuracy: the model's own numbers, as float32 probabilities converted back to logs (|error| ~1e-6 relative;
/// a probability below ~1e-38 underflows and is reported as float.MinValue). Ranks are exact up to the probe depth.
/// Candidates are scored one after another so the server's prompt cache keeps the prefix: it is evaluated once.
/// </summary>
internal sealed class ForcedTokenScorer(LlamaServerApi api, RemoteTextServices text, RemoteRequestExecutor executor, int probesPerToken, Func<int> contextLength)
{
    public async Task<ScoringResult> ScoreAsync(ScoringRequest request, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        string prefixText = await text.RenderAsync(request.Prefix, ct).ConfigureAwait(false);
        var prefix = await text.TokenizeAsync(prefixText, addSpecial: true, ct).ConfigureAwait(false);
        var scores = new CandidateScore[request.Candidates.Count];
        int evaluated = 0;
        for (int c = 0; c < scores.Length; c++)
        {
            string candidate = request.Candidates[c];
            var tokens = await ContinuationTokensAsync(prefixText, prefix, candidate, ct).ConfigureAwait(false);
            int ctxLength = contextLength();
            if (ctxLength > 0 && prefix.Count + tokens.Count > ctxLength)
            {
                throw new PromptTooLongException(prefix.Count + tokens.Count, ctxLength);
            }

            var body = new NativeCompletionRequest
            {
                Prompt = LlamaPrompt.Of(prefix),
                NPredict = tokens.Count,
                Temperature = 0f,
                NProbs = Math.Max(probesPerToken, request.TopLogprobs),
                Grammar = Grammar(tokens),
            };
            var response = await executor.ExecuteAsync("score", (e, t) => api.CompleteAsync(e, body, t), ct).ConfigureAwait(false);
            var probs = response.CompletionProbabilities ?? [];
            if (probs.Count != tokens.Count || !probs.Select(p => p.Id).SequenceEqual(tokens))
            {
                throw new ModelBackendException(
                    $"The llama-server did not emit the forced tokens of candidate \"{candidate}\" (asked {tokens.Count}, got {probs.Count}): this server build does not support token grammars, so it cannot score prompts. Set capabilities.prompt_scoring: false for this model, or update llama-server.");
            }

            var mapped = probs.Select(p => LogprobMapper.FromNative(p, request.TopLogprobs)).ToArray();
            scores[c] = new CandidateScore(candidate, mapped.Sum(t => (double)t.Logprob), mapped);
            evaluated += response.Timings is { } tm ? tm.PromptN + tm.PredictedN : response.TokensEvaluated + response.TokensPredicted;
        }

        return new ScoringResult(scores, prefix.Count, evaluated, clock.Elapsed.TotalMilliseconds);
    }

    /// <summary>
    /// The candidate's tokens as they follow the prefix: the tail of tokenize(prefix + candidate) when it starts with the
    /// prefix's tokens, else the candidate alone (the local backend's rule).
    /// </summary>
    private async Task<List<int>> ContinuationTokensAsync(string prefixText, List<int> prefix, string candidate, CancellationToken ct)
    {
        var joint = await text.TokenizeAsync(prefixText + candidate, addSpecial: true, ct).ConfigureAwait(false);
        if (joint.Count > prefix.Count && joint.Take(prefix.Count).SequenceEqual(prefix))
        {
            return joint.GetRange(prefix.Count, joint.Count - prefix.Count);
        }

        var alone = await text.TokenizeAsync(candidate, addSpecial: false, ct).ConfigureAwait(false);
        return alone.Count > 0 ? alone : throw new ModelBackendException($"The candidate \"{candidate}\" has no tokens: candidates must be non-empty text.");
    }

    internal static string Grammar(IReadOnlyList<int> tokens)
    {
        var sb = new StringBuilder("root ::=");
        foreach (int t in tokens)
        {
            sb.Append(" <[").Append(t).Append("]>");
        }

        return sb.ToString();
    }
}
