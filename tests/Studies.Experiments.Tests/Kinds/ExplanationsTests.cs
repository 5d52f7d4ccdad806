using Studies.Experiments.Kinds;
using Studies.Experiments.Kinds.Explanations;
using Studies.Experiments.Model;
using static Studies.Experiments.Tests.Kinds.Fixtures;

namespace Studies.Experiments.Tests.Kinds;

/// <summary>Each explanations condition's prompt, literally (two shots, seed 0, item c1), and the two-step flow.</summary>
public class ExplanationsTests
{
    private const string Bees = """
        Question: What do bees make?
        (A) milk
        (B) wool
        (C) honey
        """;

    private const string Cat = """
        Question: What does a cat say?
        (A) woof
        (B) meow
        (C) moo
        """;

    private const string Sky = """
        Question: What color is the sky?
        (A) green
        (B) blue
        (C) red
        """;

    private static IReadOnlyList<TrialPlan> Trials(ConditionSpec condition, ModelRole role = ModelRole.Base) =>
        Plan(new ExplanationsStudyKind(), Context(Study("explanations", [condition]), ChoiceItems, ChoicePool, role));

    private static string Prompt(string type, params (string, object?)[] parameters) =>
        Text(Trials(Condition(type, [("shots", 2L), .. parameters]))[0]);

    [Fact]
    public void NoExplanation() =>
        Assert.Equal(Bees + "\nAnswer: (C)\n\n" + Cat + "\nAnswer: (B)\n\n" + Sky + "\nAnswer:", Prompt("no_explanation"));

    [Fact]
    public void ExplainAfter() =>
        Assert.Equal(
            Bees + "\nAnswer: (C)\nExplanation: Bees make honey from flowers.\n\n" + Cat + "\nAnswer: (B)\nExplanation: Cats meow.\n\n" + Sky + "\nAnswer:",
            Prompt("explain_after"));

    [Fact]
    public void ExplainBefore() =>
        Assert.Equal(
            Bees + "\nExplanation: Bees make honey from flowers.\nAnswer: (C)\n\n" + Cat + "\nExplanation: Cats meow.\nAnswer: (B)\n\n" + Sky + "\nExplanation:",
            Prompt("explain_before"));

    [Fact]
    public void ScrambledExplanation()
    {
        Assert.Equal(
            Bees + "\nAnswer: (C)\nExplanation: make honey from Bees flowers.\n\n" + Cat + "\nAnswer: (B)\nExplanation: meow. Cats\n\n" + Sky + "\nAnswer:",
            Prompt("scrambled_explanation"));
        Assert.Equal(
            Bees + "\nExplanation: make honey from Bees flowers.\nAnswer: (C)\n\n" + Cat + "\nExplanation: meow. Cats\nAnswer: (B)\n\n" + Sky + "\nExplanation:",
            Prompt("scrambled_explanation", ("position", "before")));
    }

    [Fact]
    public void IrrelevantExplanationIsAnotherDemonstrationsExplanation() =>
        Assert.Equal(
            Bees + "\nAnswer: (C)\nExplanation: Cats meow.\n\n" + Cat + "\nAnswer: (B)\nExplanation: Bees make honey from flowers.\n\n" + Sky + "\nAnswer:",
            Prompt("irrelevant_explanation"));

    [Fact]
    public void FillerExplanationMatchesTheWordCount() =>
        Assert.Equal(
            Bees + "\nAnswer: (C)\nExplanation: ... ... ... ... ...\n\n" + Cat + "\nAnswer: (B)\nExplanation: ... ...\n\n" + Sky + "\nAnswer:",
            Prompt("filler_explanation"));

    [Fact]
    public void AllConditionsShareItemsAndDemonstrations()
    {
        var study = Study("explanations",
            [.. new[] { "no_explanation", "explain_after", "explain_before", "scrambled_explanation", "irrelevant_explanation", "filler_explanation" }.Select(t => Condition(t, ("shots", 2L)))]);
        var trials = Plan(new ExplanationsStudyKind(), Context(study, ChoiceItems, ChoicePool));
        Assert.Equal(12, trials.Count);
        Assert.All(trials, t => Assert.StartsWith("Question: What do bees make?", Text(t), StringComparison.Ordinal));
        Assert.Equal(["none", "true", "true", "scrambled", "irrelevant", "filler"], trials.Where(t => t.ItemId == "c1").Select(t => t.Facets["explanation"]));
        Assert.Equal(["none", "after", "before", "after", "after", "after"], trials.Where(t => t.ItemId == "c1").Select(t => t.Facets["position"]));
    }

    [Fact]
    public async Task PredictFirstAnswersInOneCall()
    {
        var model = new ScriptedModel { Score = (_, c) => c == " (B)" ? -0.5 : -2 };
        var o = await Run(Trials(Condition("explain_after", ("shots", 2L)))[0], model);
        Assert.Single(model.Calls);
        Assert.Equal([" (A)", " (B)", " (C)"], model.Scorings[0].Candidates);
        Assert.True(o.Correct);
        Assert.Null(o.Samples);
    }

    [Fact]
    public async Task ExplainFirstGeneratesAnExplanationThenAnswers()
    {
        var t = Trials(Condition("explain_before", ("shots", 2L)))[0];
        var model = new ScriptedModel { Reply = _ => " The sky looks blue.", Score = (_, c) => c == " (B)" ? -0.5 : -2 };
        var o = await Run(t, model);
        Assert.Equal(["generate: " + Text(t), "score: " + Text(t) + " The sky looks blue.\nAnswer:"], model.Calls);
        Assert.Equal(["\n"], model.Generations[0].Stop);
        Assert.Equal(["The sky looks blue."], o.Samples);
        Assert.Equal(4, o.Scores["explanation_words"]);
        Assert.Equal("B", o.Prediction);

        var generated = Plan(new ExplanationsStudyKind(), Context(Study("explanations", [Condition("explain_before", ("shots", 2L))], scoring: ScoringMethod.Generation), ChoiceItems, ChoicePool))[0];
        var g = await Run(generated, new ScriptedModel { Reply = p => p.EndsWith("Explanation:", StringComparison.Ordinal) ? " Blue." : " (C) red" });
        Assert.Equal("C", g.Prediction);
        Assert.False(g.Correct);
    }
}
