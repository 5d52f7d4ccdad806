using Studies.Backends;
using Studies.Experiments.Kinds.Extraction;
using Studies.Experiments.Kinds.Prompting;
using Studies.Experiments.Kinds.Scoring;
using Studies.Experiments.Model;

namespace Studies.Experiments.Kinds.Uncertainty;

/// <summary>
/// One planned uncertainty trial: every signal for one question, at most four calls (greedy answer; n samples from
/// one prompt evaluation; P(True) scoring; a verbalized confidence). Scores use stable names: greedy_correct,
/// agreement, pred_entropy, pred_entropy_norm, semantic_entropy, semantic_entropy_weighted, clusters, selfcheck,
/// p_true, verbal_conf (present only when the model stated one) and verbal_conf_parsed.
/// </summary>
internal sealed record UncertaintyTrial
{
    public required StudyItem Item { get; init; }

    public required string Prompt { get; init; }

    public required QuestionFormat Format { get; init; }

    public required AnswerSpace Space { get; init; }

    public required string Gold { get; init; }

    public required ModelRole Role { get; init; }

    public required int MaxTokens { get; init; }

    public required int Samples { get; init; }

    public required SamplingSettings Sampling { get; init; }

    public IReadOnlyList<string> Signals { get; init; } = [];

    public async Task<TrialOutput> ExecuteAsync(ILanguageModel model, CancellationToken ct)
    {
        var ledger = new CallLedger();
        var prompt = RolePrompts.Wrap(Prompt, Role);
        var greedy = await ModelCalls.GenerateAsync(model, prompt, SamplingSettings.Greedy, MaxTokens, RolePrompts.LineStops, ledger, ct).ConfigureAwait(false);
        string? answer = Space.Extract(greedy.Text);
        bool correct = answer is not null && answer == Gold;
        string mainCluster = AnswerSpace.ClusterKey(answer, greedy.Text);
        var scores = new Dictionary<string, double>
        {
            ["correct"] = correct ? 1 : 0,
            ["greedy_correct"] = correct ? 1 : 0,
            ["extraction_failed"] = answer is null ? 1 : 0,
            ["greedy_logprob"] = greedy.SumLogprob,
            ["greedy_logprob_norm"] = greedy.Tokens.Count == 0 ? 0 : greedy.SumLogprob / greedy.Tokens.Count,
        };

        var samples = await ModelCalls.SampleAsync(model, prompt, Sampling, Samples, MaxTokens, RolePrompts.LineStops, ledger, ct).ConfigureAwait(false);
        var clusters = samples.Select(s => AnswerSpace.ClusterKey(Space.Extract(s.Text), s.Text)).ToList();
        scores["agreement"] = UncertaintySignals.Agreement(clusters);
        scores["pred_entropy"] = UncertaintySignals.PredictiveEntropy(samples);
        scores["pred_entropy_norm"] = UncertaintySignals.NormalizedPredictiveEntropy(samples);
        scores["semantic_entropy"] = UncertaintySignals.SemanticEntropy(clusters);
        scores["semantic_entropy_weighted"] = UncertaintySignals.WeightedSemanticEntropy(clusters, samples);
        scores["clusters"] = clusters.Distinct().Count();
        scores["selfcheck"] = UncertaintySignals.Consistency(clusters, mainCluster);

        // The self-evaluations judge the answer as the model gave it, in the prompt's notation when it parsed.
        string proposed = answer is not null && Space.Kind != AnswerKind.Text ? Space.Render(answer) : FirstLine(greedy.Text);
        if (Signals.Contains(UncertaintyCondition.PTrue))
        {
            var tf = await ModelCalls.ScoreAsync(model, RolePrompts.Wrap(UncertaintyPrompts.PTrue(Format, Item, proposed), Role),
                [.. UncertaintyPrompts.TrueFalse.Select(c => RolePrompts.Candidate(c, " ", Role))], ledger, ct).ConfigureAwait(false);
            scores["p_true"] = tf.Probabilities[0];
        }

        if (Signals.Contains(UncertaintyCondition.VerbalConfidence))
        {
            var stated = await ModelCalls.GenerateAsync(model, RolePrompts.Wrap(UncertaintyPrompts.Confidence(Format, Item, proposed), Role),
                SamplingSettings.Greedy, 8, RolePrompts.LineStops, ledger, ct).ConfigureAwait(false);
            double? confidence = VerbalConfidence.Parse(stated.Text);
            scores["verbal_conf_parsed"] = confidence is null ? 0 : 1;
            if (confidence is { } v)
            {
                scores["verbal_conf"] = v;
            }
        }

        return ledger.Stamp(new TrialOutput
        {
            Output = greedy.Text,
            Prediction = answer,
            Gold = Gold,
            Correct = correct,
            ExtractionFailed = answer is null,
            Scores = scores,
            Tokens = greedy.Tokens,
            Samples = [.. samples.Select(s => s.Text)],
        });
    }

    private static string FirstLine(string text) =>
        text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "";
}
