using Studies.Experiments.Kinds;
using Studies.Experiments.Kinds.Icl;
using Studies.Experiments.Model;
using static Studies.Experiments.Tests.Kinds.Fixtures;

namespace Studies.Experiments.Tests.Kinds;

/// <summary>How icl trials score, checked against a scripted model.</summary>
public class IclExecutionTests
{
    private static IReadOnlyList<TrialPlan> Trials(ConditionSpec condition, ScoringMethod scoring = ScoringMethod.LogLikelihood) =>
        Plan(new IclStudyKind(), Context(Study("icl", [condition], Sentiment, scoring), SentimentItems, SentimentPool));

    [Fact]
    public async Task LogLikelihoodScoringPicksTheMostLikelyLabelAndRecordsEveryLabel()
    {
        var model = new ScriptedModel { Score = (_, c) => c == " happy" ? -1 : -2 };
        var output = await Run(Trials(Condition("gold", ("shots", 3L)))[1], model); // q2, gold sad
        Assert.Equal("happy", output.Prediction);
        Assert.Equal("happy", output.Output);
        Assert.Equal("sad", output.Gold);
        Assert.False(output.Correct);
        Assert.Equal(new Dictionary<string, double> { ["happy"] = -1, ["sad"] = -2 }, output.LabelLogprobs);
        double pHappy = Math.Exp(-1) / (Math.Exp(-1) + Math.Exp(-2));
        Assert.Equal(pHappy, output.Scores["prob_happy"], 12);
        Assert.Equal(1 - pHappy, output.Scores["prob_gold"], 12);
        Assert.Equal(0, output.Scores["correct"]);
        Assert.Equal(0, output.Scores["predicted_index"]);
        Assert.Equal(1, output.Scores["gold_index"]);
        Assert.Equal(1, output.Scores["predicted_majority"]); // demonstrations: happy, sad, happy
        Assert.Equal(1, output.Scores["predicted_recency"]);
        Assert.Single(model.Calls);
    }

    [Fact]
    public async Task ContextualCalibrationDividesByTheContentFreeDistributionAndSharesItsCalls()
    {
        // The query favours happy (p = 0.73) but so do content-free inputs (p = 0.92): calibrated, sad wins.
        var model = new ScriptedModel
        {
            Score = (prefix, c) => prefix.EndsWith("Sentence: N/A\nSentiment:", StringComparison.Ordinal) || prefix.EndsWith("Sentence: \nSentiment:", StringComparison.Ordinal)
                ? (c == " happy" ? -0.5 : -3)
                : (c == " happy" ? -1 : -2),
            Unencodable = "[",
        };
        var trials = Trials(Condition("contextual_calibration", ("shots", 3L)));
        var outputs = await Task.WhenAll(trials.Select(t => Run(t, model)));
        var o = outputs[1];
        Assert.Equal("happy", o.Prediction);
        Assert.Equal(1, o.Scores["calibrated_index"]);
        Assert.Equal(1, o.Scores["calibrated_correct"]);
        Assert.Equal(2, o.Scores["content_free_used"]); // "[MASK]" is not encodable here
        double cf = Math.Exp(-0.5) / (Math.Exp(-0.5) + Math.Exp(-3));
        Assert.Equal(cf, o.Scores["cf_prob_happy"], 12);
        double p = Math.Exp(-1) / (Math.Exp(-1) + Math.Exp(-2));
        double q0 = p / cf, q1 = (1 - p) / (1 - cf);
        Assert.Equal(q1 / (q0 + q1), o.Scores["calibrated_prob_sad"], 12);
        // Two items, two usable content-free prompts shared by both: 2 + 2 scoring calls, not 2 + 4.
        Assert.Equal(4, model.Calls.Count);
    }

    [Fact]
    public async Task GenerationExtractsTheFirstLabelWordAndCountsFailures()
    {
        var trials = Trials(Condition("gold", ("shots", 3L)), ScoringMethod.Generation);
        var sad = await Run(trials[1], new ScriptedModel { Reply = _ => " Sad. The end." });
        Assert.Equal("sad", sad.Prediction);
        Assert.True(sad.Correct);
        Assert.Equal(" Sad. The end.", sad.Output);
        var model = new ScriptedModel { Reply = _ => " The dog ran away." };
        var failed = await Run(trials[1], model);
        Assert.Null(failed.Prediction);
        Assert.True(failed.ExtractionFailed);
        Assert.False(failed.Correct);
        Assert.Equal(-1, failed.Scores["predicted_index"]);
        Assert.Equal(1, failed.Scores["extraction_failed"]);
        Assert.Equal(["\n"], model.Generations[0].Stop);
        Assert.True(model.Generations[0].Sampling.IsGreedy);
    }

    [Fact]
    public async Task UnrelatedLabelsAreAnsweredInTheUnrelatedWordsAndMappedBack()
    {
        var model = new ScriptedModel { Score = (_, c) => c == " bar" ? -0.1 : -5 };
        var output = await Run(Trials(Condition("unrelated_labels", ("shots", 3L)))[1], model);
        Assert.Equal([" foo", " bar"], model.Scorings[0].Candidates);
        Assert.Equal("bar", output.Output);
        Assert.Equal("sad", output.Prediction);
        Assert.True(output.Correct);
        Assert.Equal(["happy", "sad"], output.LabelLogprobs!.Keys);

        var generated = await Run(Trials(Condition("unrelated_labels", ("shots", 3L)), ScoringMethod.Generation)[0], new ScriptedModel { Reply = _ => " foo" });
        Assert.Equal("happy", generated.Prediction);
    }

    [Fact]
    public async Task TokenCountsAddUpOverCalls()
    {
        var output = await Run(Trials(Condition("gold", ("shots", 3L)))[0], new ScriptedModel());
        Assert.True(output.PromptTokens > 0);
        Assert.Equal(output.PromptTokens + 2, output.EvaluatedTokens);
    }
}
