using System.Globalization;
using Studies.Backends;
using Studies.Experiments.Config;
using Studies.Experiments.Kinds;
using Studies.Experiments.Models;
using Studies.Experiments.Planning;
using Studies.Experiments.Results;

namespace Studies.Cli.Bench;

/// <summary>
/// A plan of n label-scoring trials shaped like an icl study's (keys, facets, per-label scores and log-probabilities),
/// on a model of the caller's choosing, and the manifest of its run: the scheduler part runs it on an instant backend.
/// </summary>
internal static class SchedulerWorkload
{
    private const string Study = "bench-overhead";
    private static readonly string[] Labels = ["happy", "sad", "angry", "scared"];
    private static readonly string[] Candidates = [.. Labels.Select(l => " " + l)];

    public static StudyPlan Build(LoadedModel model, int trials)
    {
        var planned = new PlannedTrial[trials];
        for (int i = 0; i < trials; i++)
        {
            int shots = 1 << (i % 4);
            string itemId = (i / 4).ToString(CultureInfo.InvariantCulture);
            string prompt = $"Sentence: item {itemId} of the overhead benchmark, {shots} shots\nFeeling:";
            var facets = new Dictionary<string, string> { ["labels"] = "gold", ["shots"] = shots.ToString(CultureInfo.InvariantCulture) };
            int gold = i % Labels.Length;
            var plan = new TrialPlan
            {
                Study = Study,
                Kind = "icl",
                Condition = $"gold_k{shots}",
                ItemId = itemId,
                Model = model.Name,
                Seed = 0,
                Prompt = ModelPrompt.Raw(prompt),
                Facets = facets,
                Execute = (m, ct) => ScoreAsync(m, prompt, gold, ct),
            };
            planned[i] = new PlannedTrial
            {
                Plan = plan,
                Model = model,
                Key = TrialKey.Compute(model.Model.Info.Sha256, model.Name, Study, plan.Condition, itemId, 0, facets, prompt),
                Study = Study,
                Kind = "icl",
                RenderedPrompt = prompt,
                PromptHash = TrialKey.Hash(prompt),
            };
        }

        var config = new ResolvedConfig
        {
            File = "bench",
            Studies = [],
            Models = [new ModelConfig { Name = model.Name, Backend = "instant", Role = "base", Source = "instant", Sha256 = model.Model.Info.Sha256 }],
        };
        return new StudyPlan
        {
            Trials = planned,
            Config = config,
            ConfigHash = TrialKey.Hash($"bench-overhead-{trials}"),
            TrialsPerStudy = [new KeyValuePair<string, int>(Study, trials)],
        };
    }

    public static RunStoreRequest StoreRequest(string folder, StudyPlan plan, ModelInfo model) => new()
    {
        Folder = folder,
        Manifest = new RunManifest
        {
            ConfigName = "bench",
            ConfigHash = plan.ConfigHash,
            Config = plan.Config,
            Models = [model],
            CreatedUtc = DateTimeOffset.UtcNow,
        },
        Session = new RunSession { StartedUtc = DateTimeOffset.UtcNow, Host = HostInfo.Current() },
    };

    /// <summary>What an icl label-scoring trial does with the backend's answer (argmax, softmax, per-label scores).</summary>
    private static async Task<TrialOutput> ScoreAsync(ILanguageModel model, string prompt, int gold, CancellationToken ct)
    {
        var result = await model.ScoreAsync(new ScoringRequest { Prefix = ModelPrompt.Raw(prompt), Candidates = Candidates }, ct).ConfigureAwait(false);
        var logprobs = new double[Labels.Length];
        int best = 0;
        for (int i = 0; i < logprobs.Length; i++)
        {
            logprobs[i] = result.Candidates[i].SumLogprob;
            best = logprobs[i] > logprobs[best] ? i : best;
        }

        double max = logprobs[best], total = logprobs.Sum(l => Math.Exp(l - max));
        var scores = new Dictionary<string, double>(2 * Labels.Length + 2) { ["correct"] = best == gold ? 1 : 0 };
        var labelLogprobs = new Dictionary<string, double>(Labels.Length);
        for (int i = 0; i < Labels.Length; i++)
        {
            scores["logprob_" + Labels[i]] = logprobs[i];
            scores["prob_" + Labels[i]] = Math.Exp(logprobs[i] - max) / total;
            labelLogprobs[Labels[i]] = logprobs[i];
        }

        scores["prob_gold"] = scores["prob_" + Labels[gold]];
        return new TrialOutput
        {
            Output = Candidates[best],
            Prediction = Labels[best],
            Gold = Labels[gold],
            Correct = best == gold,
            Scores = scores,
            LabelLogprobs = labelLogprobs,
            PromptTokens = result.PrefixTokens,
            EvaluatedTokens = result.EvaluatedTokens,
        };
    }
}
