using Studies.Backends;

namespace Studies.Experiments.Kinds.Scoring;

/// <summary>The kinds' model calls, each recorded in the trial's ledger.</summary>
internal static class ModelCalls
{
    public static async Task<GenerationResult> GenerateAsync(
        ILanguageModel model, ModelPrompt prompt, SamplingSettings sampling, int maxTokens, IReadOnlyList<string> stops,
        CallLedger ledger, CancellationToken ct)
    {
        var r = await model.GenerateAsync(new GenerationRequest { Prompt = prompt, Sampling = sampling, MaxTokens = maxTokens, Stop = stops }, ct)
            .ConfigureAwait(false);
        ledger.Add(r);
        return r;
    }

    /// <summary>n samples from one prompt evaluation (sample i uses seed sampling.Seed + i).</summary>
    public static async Task<IReadOnlyList<GenerationResult>> SampleAsync(
        ILanguageModel model, ModelPrompt prompt, SamplingSettings sampling, int n, int maxTokens, IReadOnlyList<string> stops,
        CallLedger ledger, CancellationToken ct)
    {
        var r = await model.SampleAsync(new GenerationRequest { Prompt = prompt, Sampling = sampling, MaxTokens = maxTokens, Stop = stops }, n, ct)
            .ConfigureAwait(false);
        ledger.Add(r);
        return r;
    }

    /// <summary>One prompt evaluation scores every candidate continuation.</summary>
    public static async Task<LabelScores> ScoreAsync(
        ILanguageModel model, ModelPrompt prefix, IReadOnlyList<string> candidates, CallLedger ledger, CancellationToken ct)
    {
        var r = await model.ScoreAsync(new ScoringRequest { Prefix = prefix, Candidates = candidates }, ct).ConfigureAwait(false);
        ledger.Add(r);
        return new LabelScores([.. r.Candidates.Select(c => c.SumLogprob)]);
    }
}
