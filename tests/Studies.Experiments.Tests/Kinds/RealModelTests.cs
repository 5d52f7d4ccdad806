using Studies.Backends.Local;
using Studies.Experiments.Kinds;
using Studies.Experiments.Model;
using Xunit.Abstractions;
using static Studies.Experiments.Tests.Kinds.Fixtures;

namespace Studies.Experiments.Tests.Kinds;

/// <summary>The real stories260K base model and its chat fine-tune, loaded once for the end-to-end tests.</summary>
public sealed class RealModels : IDisposable
{
    public LocalLanguageModel Base { get; } = KindTestModels.Load(KindTestModels.Stories260K);

    public LocalLanguageModel Chat { get; } = KindTestModels.Load(KindTestModels.Stories260KChat);

    public void Dispose()
    {
        Base.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Chat.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}

/// <summary>
/// One trial of each kind end to end on the real tiny models. Their answers are near chance, so these check
/// structure: every score present, probabilities in range, log-likelihoods finite, base raw versus assistant chat.
/// </summary>
public class RealModelTests(RealModels models, ITestOutputHelper log) : IClassFixture<RealModels>
{
    private static IStudyKind Kind(string name) => StudyKindRegistry.Default.Get(name);

    private static void AssertProbability(double p) => Assert.InRange(p, 0, 1);

    private void Log(TrialPlan t, TrialOutput o) =>
        log.WriteLine($"{t.Kind}/{t.Condition}/{t.ItemId}: output={o.Output.Trim()} prediction={o.Prediction} gold={o.Gold} " +
            string.Join(" ", o.Scores.Select(s => $"{s.Key}={s.Value:0.###}")) + (o.Samples is { } s2 ? " samples=" + string.Join(" | ", s2) : ""));

    [Fact]
    public async Task IclBaseGetsRawTextAndAssistantGetsItsChatTemplate()
    {
        var study = Study("icl", [Condition("gold", ("shots", 2L))], Sentiment);
        var raw = Plan(Kind("icl"), Context(study, SentimentItems, SentimentPool, ModelRole.Base))[0];
        var chat = Plan(Kind("icl"), Context(study, SentimentItems, SentimentPool, ModelRole.Assistant))[0];
        Assert.False(raw.Prompt.IsChat);
        Assert.Equal(Text(raw), models.Base.Render(raw.Prompt));
        Assert.Equal("<|im_start|>user\n" + Text(raw) + "<|im_end|>\n<|im_start|>assistant\n", models.Chat.Render(chat.Prompt));

        foreach (var (trial, model) in new[] { (raw, models.Base), (chat, models.Chat) })
        {
            var o = await trial.Execute(model, CancellationToken.None);
            Log(trial, o);
            Assert.Equal(["happy", "sad"], o.LabelLogprobs!.Keys);
            Assert.All(o.LabelLogprobs.Values, l => Assert.True(double.IsFinite(l) && l < 0, $"log-likelihood {l}"));
            foreach (string key in new[] { "correct", "predicted_index", "gold_index", "logprob_happy", "logprob_sad", "prob_happy", "prob_sad", "prob_gold" })
            {
                Assert.True(o.Scores.ContainsKey(key), $"missing score {key}");
            }

            AssertProbability(o.Scores["prob_happy"]);
            Assert.Equal(1, o.Scores["prob_happy"] + o.Scores["prob_sad"], 9);
            Assert.Contains(o.Prediction, Sentiment);
            Assert.Equal(o.Prediction == o.Gold, o.Correct);
            Assert.True(o.EvaluatedTokens > 0 && o.PromptTokens > 0);
        }
    }

    [Fact]
    public async Task IclContextualCalibrationOnTheRealModel()
    {
        var trials = Plan(Kind("icl"), Context(Study("icl", [Condition("contextual_calibration", ("shots", 2L))], Sentiment), SentimentItems, SentimentPool));
        foreach (var t in trials)
        {
            var o = await t.Execute(models.Base, CancellationToken.None);
            Log(t, o);
            Assert.Equal(3, o.Scores["content_free_used"]);
            Assert.Equal(1, o.Scores["cf_prob_happy"] + o.Scores["cf_prob_sad"], 9);
            Assert.Equal(1, o.Scores["calibrated_prob_happy"] + o.Scores["calibrated_prob_sad"], 9);
            Assert.Contains(o.Scores["calibrated_index"], new[] { 0.0, 1.0 });
            AssertProbability(o.Scores["calibrated_correct"]);
        }
    }

    [Fact]
    public async Task CotZeroShotAndEarlyAnsweringOnOneSharedChain()
    {
        var study = Study("cot", [Condition("zero_shot_cot"), Condition("early_answering", ("fractions", new List<object?> { 0.0, 0.5, 1.0 }))]);
        var trials = Plan(Kind("cot"), Context(study, ChoiceItems.Take(1).ToList(), ChoicePool));
        Assert.Equal(4, trials.Count);
        var outputs = new List<TrialOutput>();
        foreach (var t in trials)
        {
            var o = await t.Execute(models.Base, CancellationToken.None);
            Log(t, o);
            outputs.Add(o);
            Assert.Contains(o.Prediction, new[] { "A", "B", "C" });
            Assert.Equal(["A", "B", "C"], o.LabelLogprobs!.Keys);
            Assert.All(o.LabelLogprobs.Values, l => Assert.True(double.IsFinite(l)));
            AssertProbability(o.Scores["prob_A"]);
            Assert.True(o.Scores.ContainsKey("chain_words"));
        }

        Assert.Single(outputs.Select(o => o.Samples![0]).Distinct());
        Assert.All(outputs.Skip(1), o => AssertProbability(o.Scores["same_as_full"]));
        Assert.Equal(1, outputs[^1].Scores["same_as_full"]); // fraction 1 is the full chain
    }

    [Fact]
    public async Task CotSelfConsistencyAndFaithfulnessInterventionsRun()
    {
        var study = Study("cot",
            [Condition("self_consistency", ("samples", 4L)), Condition("adding_mistake"), Condition("filler_tokens"), Condition("paraphrase"), Condition("suggested_answer")],
            scoring: ScoringMethod.Generation);
        foreach (var t in Plan(Kind("cot"), Context(study, NumberItems, [])))
        {
            var o = await t.Execute(models.Base, CancellationToken.None);
            Log(t, o);
            Assert.Equal("5", o.Gold);
            Assert.Equal(o.Prediction is null, o.ExtractionFailed);
            Assert.Contains(o.Scores["correct"], new[] { 0.0, 1.0 });
            if (t.Condition == "self_consistency")
            {
                Assert.Equal(4, o.Samples!.Count);
                AssertProbability(o.Scores["agreement"]);
            }
            else if (t.Condition == "suggested_answer")
            {
                Assert.True(o.Scores.ContainsKey("follows_bias") && o.Scores.ContainsKey("mentions_bias"));
            }
            else
            {
                AssertProbability(o.Scores["same_as_full"]);
            }
        }
    }

    [Fact]
    public async Task ExplanationsExplainThenPredict()
    {
        var t = Plan(Kind("explanations"), Context(Study("explanations", [Condition("explain_before", ("shots", 2L))]), ChoiceItems, ChoicePool, ModelRole.Assistant))[0];
        var o = await t.Execute(models.Chat, CancellationToken.None);
        Log(t, o);
        Assert.Single(o.Samples!);
        Assert.Equal(["A", "B", "C"], o.LabelLogprobs!.Keys);
        Assert.All(o.LabelLogprobs.Values, l => Assert.True(double.IsFinite(l)));
        Assert.True(o.Scores.ContainsKey("explanation_words"));
    }

    [Fact]
    public async Task UncertaintySignalsOnBaseAndAssistant()
    {
        var study = Study("uncertainty", [Condition("default", ("samples", 4L))]);
        foreach (var (role, model) in new[] { (ModelRole.Base, models.Base), (ModelRole.Assistant, models.Chat) })
        {
            var items = new List<StudyItem> { new() { Id = "y1", Input = "Tom has a red ball. Is the ball red?", Answer = "yes" } };
            var t = Plan(Kind("uncertainty"), Context(study with { Labels = ["yes", "no"] }, items, [], role))[0];
            var o = await t.Execute(model, CancellationToken.None);
            Log(t, o);
            foreach (string key in new[] { "greedy_correct", "agreement", "pred_entropy", "pred_entropy_norm", "semantic_entropy", "semantic_entropy_weighted", "selfcheck", "p_true", "verbal_conf_parsed" })
            {
                Assert.True(o.Scores.ContainsKey(key), $"missing score {key}");
                Assert.True(double.IsFinite(o.Scores[key]), $"{key} = {o.Scores[key]}");
            }

            AssertProbability(o.Scores["agreement"]);
            AssertProbability(o.Scores["selfcheck"]);
            AssertProbability(o.Scores["p_true"]);
            Assert.True(o.Scores["pred_entropy"] >= 0);
            Assert.InRange(o.Scores["semantic_entropy"], 0, Math.Log(4) + 1e-9);
            if (o.Scores.TryGetValue("verbal_conf", out double v))
            {
                AssertProbability(v);
            }

            Assert.Equal(4, o.Samples!.Count);
            Assert.NotNull(o.Tokens);
        }
    }

    [Fact]
    public async Task SameTrialSameOutput()
    {
        var t = Plan(Kind("uncertainty"), Context(Study("uncertainty", [Condition("default", ("samples", 3L))]), NumberItems, []))[0];
        var a = await t.Execute(models.Base, CancellationToken.None);
        var b = await t.Execute(models.Base, CancellationToken.None);
        Assert.Equal(a.Output, b.Output);
        Assert.Equal(a.Samples, b.Samples);
        Assert.Equal(a.Scores, b.Scores);
    }
}
