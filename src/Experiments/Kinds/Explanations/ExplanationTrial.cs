using Studies.Backends;
using Studies.Experiments.Kinds.Extraction;
using Studies.Experiments.Kinds.Prompting;
using Studies.Experiments.Kinds.Scoring;

namespace Studies.Experiments.Kinds.Explanations;

/// <summary>
/// One planned explanations trial. Predict-first conditions answer right after "Answer:" (one call); explain-first
/// conditions let the model write its explanation, then ask for the answer (two calls), which goes in
/// <see cref="TrialOutput.Samples"/>.
/// </summary>
internal sealed record ExplanationTrial
{
    public required string Prompt { get; init; }

    public required bool ExplainFirst { get; init; }

    public required AnswerSpace Space { get; init; }

    public required string Gold { get; init; }

    public required AnswerSettings Answer { get; init; }

    public SamplingSettings ExplanationSampling { get; init; } = SamplingSettings.Greedy;

    public int ExplanationTokens { get; init; } = 48;

    public async Task<TrialOutput> ExecuteAsync(ILanguageModel model, CancellationToken ct)
    {
        var ledger = new CallLedger();
        var scores = new Dictionary<string, double>();
        string prefix = Prompt;
        IReadOnlyList<string>? samples = null;
        if (ExplainFirst)
        {
            var r = await ModelCalls.GenerateAsync(model, RolePrompts.Wrap(Prompt, Answer.Role), ExplanationSampling, ExplanationTokens,
                ExplanationPrompts.ExplanationStops, ledger, ct).ConfigureAwait(false);
            string explanation = r.Text.Trim();
            scores["explanation_words"] = RandomText.WordCount(explanation);
            samples = [explanation];
            prefix = ExplanationPrompts.AnswerAfter(Prompt, explanation);
        }

        var outcome = await AnswerStep.RunAsync(model, prefix, Space, Answer, ledger, ct).ConfigureAwait(false);
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
