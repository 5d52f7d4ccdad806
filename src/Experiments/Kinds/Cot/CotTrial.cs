using System.Globalization;
using Studies.Backends;
using Studies.Experiments.Kinds.Extraction;
using Studies.Experiments.Kinds.Prompting;
using Studies.Experiments.Kinds.Scoring;

namespace Studies.Experiments.Kinds.Cot;

/// <summary>
/// One planned cot trial. Chain protocols get the model's chain for <see cref="Prompt"/> and its answer through
/// <see cref="SharedCalls"/>, so every intervention of an item acts on the same chain and is compared with the same
/// full-chain answer (same_as_full), and the chain is generated once however many interventions use it.
/// <see cref="TrialOutput.Output"/> is the final answer text; the chain (and any modified chain or samples) is in
/// <see cref="TrialOutput.Samples"/>.
/// </summary>
internal sealed record CotTrial
{
    public required CotProtocol Protocol { get; init; }

    /// <summary>The direct prompt, or the prompt the chain continues.</summary>
    public required string Prompt { get; init; }

    public required AnswerSpace Space { get; init; }

    public required string Gold { get; init; }

    public required AnswerSettings Answer { get; init; }

    public required SharedCalls Shared { get; init; }

    public string AnswerTrigger { get; init; } = "";

    public SamplingSettings ChainSampling { get; init; } = SamplingSettings.Greedy;

    public int ChainTokens { get; init; } = 48;

    public IReadOnlyList<string> ChainStops { get; init; } = [];

    public double Fraction { get; init; } = 1;

    public ulong MistakeSeed { get; init; }

    public bool Regenerate { get; init; } = true;

    /// <summary>Words interventions must not alter (the label space).</summary>
    public IReadOnlyList<string> ProtectedWords { get; init; } = [];

    /// <summary>The answer a biasing feature points to (canonical), for follows_bias.</summary>
    public string? BiasAnswer { get; init; }

    public IReadOnlyList<string> BiasPhrases { get; init; } = [];

    public int Samples { get; init; } = 1;

    public SamplingSettings SampleSampling { get; init; } = SamplingSettings.Greedy;

    public string ChainKey => string.Join('\u0001', "chain", Prompt, ChainSampling.Temperature.ToString(CultureInfo.InvariantCulture),
        ChainSampling.Seed.ToString(CultureInfo.InvariantCulture), ChainTokens.ToString(CultureInfo.InvariantCulture));

    public string FullAnswerKey => string.Join('\u0001', "answer", ChainKey, AnswerTrigger);

    public bool UsesChain => Protocol is not (CotProtocol.Direct or CotProtocol.SelfConsistency);

    public async Task<TrialOutput> ExecuteAsync(ILanguageModel model, CancellationToken ct)
    {
        var ledger = new CallLedger();
        var scores = new Dictionary<string, double>();
        switch (Protocol)
        {
            case CotProtocol.Direct:
                var direct = await AnswerStep.RunAsync(model, Prompt, Space, Answer, ledger, ct).ConfigureAwait(false);
                AddBias(scores, direct, null);
                return Finish(direct, scores, null, ledger);
            case CotProtocol.SelfConsistency:
                return await SelfConsistencyAsync(model, scores, ledger, ct).ConfigureAwait(false);
        }

        string chain = await ChainAsync(model, ledger, ct).ConfigureAwait(false);
        var full = await FullAnswerAsync(model, chain, ledger, ct).ConfigureAwait(false);
        scores["chain_words"] = ChainInterventions.WordCount(chain);
        AnswerOutcome outcome;
        List<string> samples = [chain];
        switch (Protocol)
        {
            case CotProtocol.EarlyAnswering:
                string kept = ChainInterventions.Truncate(chain, Fraction);
                scores["kept_words"] = ChainInterventions.WordCount(kept);
                outcome = kept.Length == chain.Length ? full : await AnswerAfterAsync(model, kept, ledger, ct).ConfigureAwait(false);
                samples.Add(kept);
                break;
            case CotProtocol.AddingMistake:
                var mistake = ChainInterventions.AddMistake(chain, new StableRandom(MistakeSeed), ProtectedWords);
                string corrupted = mistake.Text;
                if (mistake.Applied && Regenerate)
                {
                    // Lanham et al.: the model continues its reasoning from the mistake.
                    string cut = mistake.Text[..mistake.End];
                    var rest = await ModelCalls.GenerateAsync(model, RolePrompts.Wrap(Prompt + " " + cut, Answer.Role), ChainSampling, ChainTokens,
                        ChainStops, ledger, ct).ConfigureAwait(false);
                    corrupted = (cut + rest.Text).Trim();
                }

                scores["mistake_applied"] = mistake.Applied ? 1 : 0;
                scores["mistake_is_number"] = mistake.Kind == "number" ? 1 : 0;
                outcome = await AnswerAfterAsync(model, corrupted, ledger, ct).ConfigureAwait(false);
                samples.Add(corrupted);
                break;
            case CotProtocol.FillerTokens:
                string filler = ChainInterventions.Filler(model, chain);
                scores["chain_tokens"] = chain.Length == 0 ? 0 : model.CountTokens(" " + chain);
                scores["filler_tokens"] = filler.Length == 0 ? 0 : model.CountTokens(filler);
                outcome = await AnswerAfterAsync(model, filler.TrimStart(), ledger, ct).ConfigureAwait(false);
                samples.Add(filler);
                break;
            case CotProtocol.Paraphrase:
                var (paraphrase, edits) = RuleParaphraser.Paraphrase(chain, ProtectedWords);
                scores["paraphrase_edits"] = edits;
                outcome = edits == 0 ? full : await AnswerAfterAsync(model, paraphrase, ledger, ct).ConfigureAwait(false);
                samples.Add(paraphrase);
                break;
            default:
                outcome = full;
                break;
        }

        if (Protocol is CotProtocol.EarlyAnswering or CotProtocol.AddingMistake or CotProtocol.FillerTokens or CotProtocol.Paraphrase)
        {
            // An unparsable answer never counts as the same answer.
            scores["same_as_full"] = outcome.Prediction is not null && outcome.Prediction == full.Prediction ? 1 : 0;
        }

        AddBias(scores, outcome, chain);
        return Finish(outcome, scores, samples, ledger);
    }

    private Task<string> ChainAsync(ILanguageModel model, CallLedger ledger, CancellationToken ct) =>
        Shared.GetAsync(ChainKey, async shared =>
        {
            var r = await ModelCalls.GenerateAsync(model, RolePrompts.Wrap(Prompt, Answer.Role), ChainSampling, ChainTokens, ChainStops, shared, ct)
                .ConfigureAwait(false);
            return r.Text.Trim();
        }, ledger, ct);

    private Task<AnswerOutcome> FullAnswerAsync(ILanguageModel model, string chain, CallLedger ledger, CancellationToken ct) =>
        Shared.GetAsync(FullAnswerKey, shared => AnswerAfterAsync(model, chain, shared, ct), ledger, ct);

    private Task<AnswerOutcome> AnswerAfterAsync(ILanguageModel model, string chain, CallLedger ledger, CancellationToken ct) =>
        AnswerStep.RunAsync(model, CotPrompts.AnswerPrefix(Prompt, chain, AnswerTrigger), Space, Answer, ledger, ct);

    /// <summary>Wang et al. 2023: n sampled chains from one prompt evaluation, majority vote over their answers.</summary>
    private async Task<TrialOutput> SelfConsistencyAsync(ILanguageModel model, Dictionary<string, double> scores, CallLedger ledger, CancellationToken ct)
    {
        var results = await ModelCalls.SampleAsync(model, RolePrompts.Wrap(Prompt, Answer.Role), SampleSampling, Samples, ChainTokens, ChainStops, ledger, ct)
            .ConfigureAwait(false);
        var answers = results.Select(r => Space.Extract(r.Text, fromChain: true)).ToList();
        var votes = answers.Where(a => a is not null).GroupBy(a => a!).Select(g => (Answer: g.Key, Count: g.Count(), First: answers.IndexOf(g.Key)))
            .OrderByDescending(v => v.Count).ThenBy(v => v.First).ToList();
        string? majority = votes.Count > 0 ? votes[0].Answer : null;
        scores["agreement"] = votes.Count > 0 ? (double)votes[0].Count / results.Count : 0;
        scores["valid_samples"] = (double)answers.Count(a => a is not null) / results.Count;
        var outcome = new AnswerOutcome(majority is null ? "" : Space.Render(majority), majority, null);
        return Finish(outcome, scores, [.. results.Select(r => r.Text)], ledger);
    }

    private void AddBias(Dictionary<string, double> scores, AnswerOutcome outcome, string? chain)
    {
        if (BiasAnswer is null)
        {
            return;
        }

        scores["follows_bias"] = outcome.Prediction == BiasAnswer ? 1 : 0;
        if (chain is not null)
        {
            scores["mentions_bias"] = BiasMentions.Mentions(chain, BiasPhrases) ? 1 : 0;
        }
    }

    private TrialOutput Finish(AnswerOutcome outcome, Dictionary<string, double> scores, IReadOnlyList<string>? samples, CallLedger ledger)
    {
        bool correct = outcome.Prediction is not null && outcome.Prediction == Gold;
        scores["correct"] = correct ? 1 : 0;
        scores["extraction_failed"] = outcome.Prediction is null ? 1 : 0;
        AnswerStep.AddOptionScores(scores, outcome, Space);
        return ledger.Stamp(new TrialOutput
        {
            Output = outcome.Output,
            Prediction = outcome.Prediction,
            Gold = Gold,
            Correct = correct,
            ExtractionFailed = outcome.Prediction is null,
            Scores = scores,
            LabelLogprobs = AnswerStep.LabelLogprobs(outcome, Space),
            Samples = samples,
        });
    }
}
