using Studies.Backends;

namespace Studies.Experiments.Kinds.Scoring;

/// <summary>Adds up the tokens of a trial's model calls (a trial may make several) for its <see cref="TrialOutput"/>.</summary>
internal sealed class CallLedger
{
    public int PromptTokens { get; private set; }

    public int CompletionTokens { get; private set; }

    public int EvaluatedTokens { get; private set; }

    public int Calls { get; private set; }

    public void Add(GenerationResult r)
    {
        Calls++;
        PromptTokens += r.PromptTokens;
        CompletionTokens += r.CompletionTokens;
        EvaluatedTokens += r.Timings.PromptTokensEvaluated + r.CompletionTokens;
    }

    /// <summary>n samples of one prompt: the prompt was evaluated once, each sample decoded its own tokens.</summary>
    public void Add(IReadOnlyList<GenerationResult> samples)
    {
        if (samples.Count == 0)
        {
            return;
        }

        Calls++;
        PromptTokens += samples[0].PromptTokens;
        EvaluatedTokens += samples[0].Timings.PromptTokensEvaluated;
        foreach (var s in samples)
        {
            CompletionTokens += s.CompletionTokens;
            EvaluatedTokens += s.CompletionTokens;
        }
    }

    public void Add(ScoringResult r)
    {
        Calls++;
        PromptTokens += r.PrefixTokens;
        EvaluatedTokens += r.EvaluatedTokens;
    }

    /// <summary>Counts a shared call's tokens: all of them when this trial ran it, else what it used (no evaluated tokens).</summary>
    public void Include(CallLedger shared, bool ran)
    {
        Calls += shared.Calls;
        PromptTokens += shared.PromptTokens;
        CompletionTokens += shared.CompletionTokens;
        EvaluatedTokens += ran ? shared.EvaluatedTokens : 0;
    }

    /// <summary>Fills the token counts of a trial output.</summary>
    public TrialOutput Stamp(TrialOutput output) => output with
    {
        PromptTokens = PromptTokens,
        CompletionTokens = CompletionTokens,
        EvaluatedTokens = EvaluatedTokens,
    };
}
