using Studies.Backends;
using Studies.Experiments.Kinds;
using Studies.Experiments.Kinds.Uncertainty;
using Studies.Experiments.Model;
using static Studies.Experiments.Tests.Kinds.Fixtures;

namespace Studies.Experiments.Tests.Kinds;

/// <summary>The uncertainty prompts, literally, and every signal's value against a scripted model.</summary>
public class UncertaintyTests
{
    private const string Question = "Question: Tom has 2 apples and gets 3 more. How many apples does he have?";

    private static TrialPlan Trial(ModelRole role = ModelRole.Base, params (string, object?)[] parameters) =>
        Plan(new UncertaintyStudyKind(), Context(Study("uncertainty", [Condition("default", parameters)]), NumberItems, [], role))[0];

    [Fact]
    public async Task EverySignalFromFourCalls()
    {
        var t = Trial(ModelRole.Base, ("samples", 4L), ("temperature", 0.8));
        Assert.Equal(Question + "\nAnswer:", Text(t));
        string[] samples = [" 5", " five is 5", " 6", " I do not know"];
        var model = new ScriptedModel
        {
            Reply = p => p.EndsWith("Confidence:", StringComparison.Ordinal) ? " 80%" : " 5 apples",
            SampleReply = (_, i) => samples[i],
            Score = (_, c) => c == " True" ? -0.5 : -1.5,
        };
        var o = await Run(t, model);
        Assert.Equal(
        [
            "generate: " + Question + "\nAnswer:",
            "sample 4: " + Question + "\nAnswer:",
            "score: " + Question + "\nProposed answer: 5\nIs the proposed answer true or false?\nAnswer:",
            "generate: " + Question + "\nProposed answer: 5\nHow confident are you that the proposed answer is correct? Answer with a percentage.\nConfidence:",
        ], model.Calls);
        Assert.Equal([" True", " False"], model.Scorings[0].Candidates);
        Assert.Equal(0.8f, model.Generations[1].Sampling.Temperature);
        Assert.True(model.Generations[0].Sampling.IsGreedy);

        Assert.Equal("5", o.Prediction);
        Assert.True(o.Correct);
        Assert.Equal(1, o.Scores["greedy_correct"]);
        Assert.Equal(0.5, o.Scores["agreement"]);
        Assert.Equal(0.5, o.Scores["selfcheck"]);
        Assert.Equal(3, o.Scores["clusters"]);
        Assert.Equal(-(0.5 * Math.Log(0.5) + 2 * 0.25 * Math.Log(0.25)), o.Scores["semantic_entropy"], 12);
        // The scripted model gives each word log-probability -0.5: samples of 1, 3, 1 and 4 words.
        Assert.Equal((0.5 + 1.5 + 0.5 + 2.0) / 4, o.Scores["pred_entropy"], 12);
        Assert.Equal(0.5, o.Scores["pred_entropy_norm"], 12);
        Assert.Equal(1 / (1 + Math.Exp(-1)), o.Scores["p_true"], 12);
        Assert.Equal(0.8, o.Scores["verbal_conf"], 12);
        Assert.Equal(1, o.Scores["verbal_conf_parsed"]);
        Assert.Equal(-1.0, o.Scores["greedy_logprob"], 6);
        Assert.Equal(4, o.Samples!.Count);
    }

    [Fact]
    public async Task SignalsCanBeLeftOutAndUnparsableConfidenceIsCounted()
    {
        var model = new ScriptedModel { Reply = p => p.EndsWith("Confidence:", StringComparison.Ordinal) ? " very sure" : " 7" };
        var o = await Run(Trial(ModelRole.Base, ("signals", new List<object?> { "verbal_conf" }), ("samples", 2L)), model);
        Assert.Equal(3, model.Calls.Count);
        Assert.False(o.Scores.ContainsKey("p_true"));
        Assert.False(o.Scores.ContainsKey("verbal_conf"));
        Assert.Equal(0, o.Scores["verbal_conf_parsed"]);
        Assert.Equal(0, o.Scores["greedy_correct"]);
    }

    [Fact]
    public async Task AssistantsJudgeWithBareTrueFalse()
    {
        var t = Trial(ModelRole.Assistant, ("samples", 2L));
        Assert.Equal(Question + "\nAnswer:", Assert.Single(t.Prompt.Messages!).Content);
        var model = new ScriptedModel { Reply = _ => "5" };
        await Run(t, model);
        Assert.Equal(["True", "False"], model.Scorings[0].Candidates);
    }

    [Fact]
    public void WeightedSemanticEntropyUsesSequenceProbabilities()
    {
        static GenerationResult R(double logprob) =>
            new("x", [new TokenLogprob(0, "x", (float)logprob, 1)], FinishReason.Stop, 1, 1, new GenerationTimings(0, 0, 1, 0));

        // One cluster: no uncertainty whatever the probabilities.
        Assert.Equal(0, UncertaintySignals.WeightedSemanticEntropy(["a", "a"], [R(-1), R(-3)]), 12);
        // Two clusters of equal mass: ln 2.
        Assert.Equal(Math.Log(2), UncertaintySignals.WeightedSemanticEntropy(["a", "b"], [R(-2), R(-2)]), 6);
        Assert.Equal(Math.Log(2), UncertaintySignals.SemanticEntropy(["a", "b"]), 12);
        Assert.Equal(0, UncertaintySignals.Agreement([]));
    }
}
