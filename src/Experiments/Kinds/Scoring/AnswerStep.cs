using Studies.Backends;
using Studies.Experiments.Kinds.Extraction;
using Studies.Experiments.Kinds.Prompting;
using Studies.Experiments.Model;

namespace Studies.Experiments.Kinds.Scoring;

/// <summary>How a question-answer kind gets its final answer.</summary>
/// <param name="MaxTokens">Token budget of a generated answer (a short line).</param>
/// <param name="Sampling">Sampling of generated answers (the study's, greedy by default).</param>
internal sealed record AnswerSettings(ModelRole Role, ScoringMethod Scoring, int MaxTokens, SamplingSettings Sampling);

/// <summary>The final answer of a trial: the text, the canonical prediction and, when scored, every option's score.</summary>
internal sealed record AnswerOutcome(string Output, string? Prediction, LabelScores? Scores);

/// <summary>
/// The last step of a question-answer trial, on a prefix that ends where the answer goes ("Answer:", "Therefore, the
/// answer is"). Closed answers (options, labels) under log-likelihood scoring are scored in one call; otherwise the
/// model generates one line and the answer is extracted from it.
/// </summary>
internal static class AnswerStep
{
    public static async Task<AnswerOutcome> RunAsync(
        ILanguageModel model, string prefix, AnswerSpace space, AnswerSettings settings, CallLedger ledger, CancellationToken ct)
    {
        var prompt = RolePrompts.Wrap(prefix, settings.Role);
        if (space.IsClosed && settings.Scoring == ScoringMethod.LogLikelihood)
        {
            var candidates = space.Options.Select(o => RolePrompts.Candidate(space.Render(o), " ", settings.Role)).ToList();
            var scores = await ModelCalls.ScoreAsync(model, prompt, candidates, ledger, ct).ConfigureAwait(false);
            string best = space.Options[scores.Best];
            return new AnswerOutcome(space.Render(best), best, scores);
        }

        var r = await ModelCalls.GenerateAsync(model, prompt, settings.Sampling, settings.MaxTokens, RolePrompts.LineStops, ledger, ct)
            .ConfigureAwait(false);
        return new AnswerOutcome(r.Text, space.Extract(r.Text), null);
    }

    /// <summary>Per-option log-likelihoods keyed by canonical option, for <see cref="TrialOutput.LabelLogprobs"/>.</summary>
    public static IReadOnlyDictionary<string, double>? LabelLogprobs(AnswerOutcome outcome, AnswerSpace space) =>
        outcome.Scores is { } s ? space.Options.Select((o, i) => (o, i)).ToDictionary(x => x.o, x => s.Logprobs[x.i]) : null;

    /// <summary>Adds logprob_X and prob_X (renormalized over the options) for each option X, when scored.</summary>
    public static void AddOptionScores(Dictionary<string, double> scores, AnswerOutcome outcome, AnswerSpace space)
    {
        if (outcome.Scores is not { } s)
        {
            return;
        }

        for (int i = 0; i < space.Options.Count; i++)
        {
            scores[$"logprob_{space.Options[i]}"] = s.Logprobs[i];
            scores[$"prob_{space.Options[i]}"] = s.Probabilities[i];
        }
    }
}
