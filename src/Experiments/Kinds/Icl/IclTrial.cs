using Studies.Backends;
using Studies.Experiments.Kinds.Extraction;
using Studies.Experiments.Kinds.Prompting;
using Studies.Experiments.Kinds.Scoring;
using Studies.Experiments.Model;

namespace Studies.Experiments.Kinds.Icl;

/// <summary>
/// One planned icl trial: the prompt and everything needed to score it. Log-likelihood scoring makes one call for
/// all answers (plus, for contextual calibration, one call per content-free input, shared by all items);
/// generation makes one call and extracts a label word.
/// </summary>
internal sealed record IclTrial
{
    public required string Prompt { get; init; }

    public required ModelRole Role { get; init; }

    public required ScoringMethod Scoring { get; init; }

    /// <summary>The template's whitespace before the label, which base-model candidates start with.</summary>
    public required string Gap { get; init; }

    /// <summary>The label space, in the study's order.</summary>
    public required IReadOnlyList<string> Labels { get; init; }

    /// <summary>What the model answers with, aligned with <see cref="Labels"/> (the labels, or unrelated words).</summary>
    public required IReadOnlyList<string> Answers { get; init; }

    public required int GoldIndex { get; init; }

    public int? MajorityIndex { get; init; }

    public int? RecencyIndex { get; init; }

    /// <summary>contextual_calibration: the prompts with a content-free input in place of the query.</summary>
    public IReadOnlyList<string> ContentFreePrompts { get; init; } = [];

    public SharedCalls? Shared { get; init; }

    /// <summary>Token budget of a generated label.</summary>
    public int MaxTokens { get; init; } = 16;

    public SamplingSettings Sampling { get; init; } = SamplingSettings.Greedy;

    public IReadOnlyList<string> Candidates => [.. Answers.Select(a => RolePrompts.Candidate(a, Gap, Role))];

    /// <summary>The key under which a content-free prompt's scores are shared (prompt and candidates decide them).</summary>
    public string ContentFreeKey(string prompt) => "icl-content-free\u0001" + prompt + "\u0001" + string.Join('\u0001', Candidates);

    public Task<TrialOutput> ExecuteAsync(ILanguageModel model, CancellationToken ct) =>
        Scoring == ScoringMethod.LogLikelihood ? ScoreAsync(model, ct) : GenerateAsync(model, ct);

    private async Task<TrialOutput> ScoreAsync(ILanguageModel model, CancellationToken ct)
    {
        var ledger = new CallLedger();
        var candidates = Candidates;
        var s = await ModelCalls.ScoreAsync(model, RolePrompts.Wrap(Prompt, Role), candidates, ledger, ct).ConfigureAwait(false);
        var scores = BaseScores(s.Best);
        for (int i = 0; i < Labels.Count; i++)
        {
            scores[$"logprob_{Labels[i]}"] = s.Logprobs[i];
            scores[$"prob_{Labels[i]}"] = s.Probabilities[i];
        }

        scores["prob_gold"] = s.Probabilities[GoldIndex];
        if (ContentFreePrompts.Count > 0)
        {
            await CalibrateAsync(model, s, candidates, scores, ledger, ct).ConfigureAwait(false);
        }

        return ledger.Stamp(new TrialOutput
        {
            Output = Answers[s.Best],
            Prediction = Labels[s.Best],
            Gold = Labels[GoldIndex],
            Correct = s.Best == GoldIndex,
            Scores = scores,
            LabelLogprobs = Labels.Select((l, i) => (l, i)).ToDictionary(x => x.l, x => s.Logprobs[x.i]),
        });
    }

    /// <summary>
    /// Zhao et al. 2021: p_cf is the mean label distribution over content-free inputs with the same demonstrations;
    /// the calibrated prediction is argmax(diag(p_cf)^-1 p). Content-free inputs the model cannot encode (e.g. "[MASK]"
    /// on a vocabulary without "[") are left out and counted in content_free_used.
    /// </summary>
    private async Task CalibrateAsync(
        ILanguageModel model, LabelScores s, IReadOnlyList<string> candidates, Dictionary<string, double> scores, CallLedger ledger, CancellationToken ct)
    {
        var cf = new double[Labels.Count];
        int used = 0;
        foreach (string prompt in ContentFreePrompts)
        {
            if (model.FindUnencodable(prompt).Count > 0)
            {
                Shared!.Skip(ContentFreeKey(prompt));
                continue;
            }

            var p = await Shared!.GetAsync(ContentFreeKey(prompt),
                shared => ModelCalls.ScoreAsync(model, RolePrompts.Wrap(prompt, Role), candidates, shared, ct), ledger, ct).ConfigureAwait(false);
            for (int i = 0; i < cf.Length; i++)
            {
                cf[i] += p.Probabilities[i];
            }

            used++;
        }

        if (used == 0)
        {
            throw new ModelBackendException($"Model {model.Info.Name} cannot encode any of the content-free inputs of this contextual_calibration condition: give it content_free inputs made of characters its vocabulary has (e.g. N/A).");
        }

        var calibrated = new double[Labels.Count];
        for (int i = 0; i < cf.Length; i++)
        {
            cf[i] /= used;
            calibrated[i] = s.Probabilities[i] / cf[i];
        }

        double total = calibrated.Sum();
        int best = LabelScores.ArgMax(calibrated);
        scores["calibrated_index"] = best;
        scores["calibrated_correct"] = best == GoldIndex ? 1 : 0;
        scores["content_free_used"] = used;
        for (int i = 0; i < Labels.Count; i++)
        {
            scores[$"cf_prob_{Labels[i]}"] = cf[i];
            scores[$"calibrated_prob_{Labels[i]}"] = calibrated[i] / total;
        }
    }

    private async Task<TrialOutput> GenerateAsync(ILanguageModel model, CancellationToken ct)
    {
        var ledger = new CallLedger();
        var r = await ModelCalls.GenerateAsync(model, RolePrompts.Wrap(Prompt, Role), Sampling, MaxTokens, RolePrompts.LineStops, ledger, ct)
            .ConfigureAwait(false);
        string? word = AnswerExtractor.LabelWord(r.Text, Answers);
        int index = word is null ? -1 : Answers.ToList().IndexOf(word);
        var scores = BaseScores(index);
        scores["extraction_failed"] = index < 0 ? 1 : 0;
        return ledger.Stamp(new TrialOutput
        {
            Output = r.Text,
            Prediction = index >= 0 ? Labels[index] : null,
            Gold = Labels[GoldIndex],
            Correct = index == GoldIndex,
            ExtractionFailed = index < 0,
            Scores = scores,
            Tokens = r.Tokens,
        });
    }

    // predicted_index is -1 when no label could be extracted.
    private Dictionary<string, double> BaseScores(int predicted)
    {
        var scores = new Dictionary<string, double>
        {
            ["correct"] = predicted == GoldIndex ? 1 : 0,
            ["predicted_index"] = predicted,
            ["gold_index"] = GoldIndex,
        };
        if (MajorityIndex is { } m)
        {
            scores["predicted_majority"] = predicted == m ? 1 : 0;
        }

        if (RecencyIndex is { } r)
        {
            scores["predicted_recency"] = predicted == r ? 1 : 0;
        }

        return scores;
    }
}
