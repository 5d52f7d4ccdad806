using Studies.Experiments.Kinds;
using Studies.Experiments.Model;
using static Studies.Experiments.Tests.Kinds.Fixtures;

namespace Studies.Experiments.Tests.Kinds;

/// <summary>Bad studies and data give clear problems with locations (never exceptions), and Plan refuses them.</summary>
public class ValidationTests
{
    private static IStudyKind Kind(string name) => StudyKindRegistry.Default.Get(name);

    private static string Single(IReadOnlyList<StudyProblem> problems) => Assert.Single(problems).Message;

    [Fact]
    public void UnknownConditionTypeSuggestsTheClosest()
    {
        var problems = Kind("icl").Validate(Study("icl", [Condition("random_label")], Sentiment));
        var p = Assert.Single(problems);
        Assert.Contains("did you mean 'random_labels'?", p.Message, StringComparison.Ordinal);
        Assert.Equal(10, p.Location.Line);
    }

    [Fact]
    public void UnknownParametersAreReportedOnConditionsAndStudies()
    {
        Assert.Contains("did you mean 'shots'?", Single(Kind("icl").Validate(Study("icl", [Condition("gold", ("shot", 4L))], Sentiment))), StringComparison.Ordinal);
        Assert.Contains("has no parameter 'shots'", Single(Kind("icl").Validate(Study("icl", [Condition("zero_shot", ("shots", 4L))], Sentiment))), StringComparison.Ordinal);
        var study = Study("cot", [Condition("direct")], parameters: new Dictionary<string, object?> { ["sampels"] = 3L });
        var p = Assert.Single(Kind("cot").Validate(study));
        Assert.Contains("did you mean 'samples'?", p.Message, StringComparison.Ordinal);
        Assert.Equal(3, p.Location.Line);
    }

    [Fact]
    public void StudyWideParametersApplyToConditionsThatReadThem()
    {
        var study = Study("icl", [Condition("gold"), Condition("zero_shot")], Sentiment, parameters: new Dictionary<string, object?> { ["shots"] = 2L });
        Assert.Empty(Kind("icl").Validate(study));
        var trials = Plan(Kind("icl"), Context(study, SentimentItems, SentimentPool));
        Assert.Equal(["2", "2", "0", "0"], trials.Select(t => t.Facets["shots"]));
    }

    [Theory]
    [InlineData("shots", "many", "a whole number from 0 to 32, got 'many'")]
    [InlineData("shots", 33L, "a whole number from 0 to 32, got 33")]
    [InlineData("template", "Sentence: {input}", "must contain {input} once and {label} once")]
    public void BadValuesAreProblems(string name, object value, string expected) =>
        Assert.Contains(expected, Single(Kind("icl").Validate(Study("icl", [Condition("gold", (name, value))], Sentiment))), StringComparison.Ordinal);

    [Fact]
    public void ConditionChecksAcrossParameters()
    {
        Assert.Contains("use scoring: loglikelihood", Single(Kind("icl").Validate(Study("icl", [Condition("contextual_calibration")], Sentiment, ScoringMethod.Generation))), StringComparison.Ordinal);
        Assert.Contains("2 shots have only 2 orders", Single(Kind("icl").Validate(Study("icl", [Condition("permutation", ("shots", 2L), ("permutations", 3L))], Sentiment))), StringComparison.Ordinal);
        Assert.Contains("one word per label", Single(Kind("icl").Validate(Study("icl", [Condition("unrelated_labels", ("words", new List<object?> { "foo" }))], Sentiment))), StringComparison.Ordinal);
        Assert.Contains("unlike the labels", Single(Kind("icl").Validate(Study("icl", [Condition("unrelated_labels", ("words", new List<object?> { "sad", "foo" }))], Sentiment))), StringComparison.Ordinal);
        Assert.Contains("ablation' must be one of random, no_inputs, no_labels", Single(Kind("icl").Validate(Study("icl", [Condition("format_only", ("ablation", "no_input"))], Sentiment))), StringComparison.Ordinal);
        Assert.Contains("at least two distinct labels", Single(Kind("icl").Validate(Study("icl", [Condition("gold")], ["yes"]))), StringComparison.Ordinal);
        Assert.Contains("temperature above 0", Single(Kind("cot").Validate(Study("cot", [Condition("self_consistency", ("temperature", 0L))]))), StringComparison.Ordinal);
        Assert.Contains("{answer}", Single(Kind("cot").Validate(Study("cot", [Condition("suggested_answer", ("suggestion", "Surely it is A."))]))), StringComparison.Ordinal);
        Assert.Contains("at least 2 shots", Single(Kind("explanations").Validate(Study("explanations", [Condition("irrelevant_explanation", ("shots", 1L))]))), StringComparison.Ordinal);
        Assert.Contains("did you mean 'p_true'?", Single(Kind("uncertainty").Validate(Study("uncertainty", [Condition("default", ("signals", "p_tru"))]))), StringComparison.Ordinal);
        Assert.Contains("two conditions named 'gold'", Single(Kind("icl").Validate(Study("icl", [Condition("gold"), Condition("gold")], Sentiment))), StringComparison.Ordinal);
    }

    [Fact]
    public void DataProblemsNameTheItems()
    {
        var icl = Kind("icl");
        var study = Study("icl", [Condition("gold", ("shots", 3L))], Sentiment);
        var badItems = new List<StudyItem> { SentimentItems[0], SentimentItems[1] with { Label = "angry" } };
        Assert.Contains("items q2 have no label in the label space [happy, sad]", Single(icl.ValidateData(Context(study, badItems, SentimentPool))), StringComparison.Ordinal);
        Assert.Contains("only 2 items besides the evaluated one", Single(icl.ValidateData(Context(study, SentimentItems, SentimentPool.Take(2).ToList()))), StringComparison.Ordinal);
        Assert.Contains("no items to evaluate", Single(icl.ValidateData(Context(study, [], SentimentPool))), StringComparison.Ordinal);
        Assert.Contains("repeated item ids (q1)", Single(icl.ValidateData(Context(study, [SentimentItems[0], SentimentItems[0]], SentimentPool))), StringComparison.Ordinal);

        var cot = Kind("cot");
        var open = new List<StudyItem> { new() { Id = "t1", Input = "Who wrote Hamlet?", Answer = "Shakespeare" } };
        Assert.Contains("items t1 have free-text answers", Single(cot.ValidateData(Context(Study("cot", [Condition("suggested_answer")]), open, []))), StringComparison.Ordinal);
        Assert.Contains("needs multiple-choice items", Single(cot.ValidateData(Context(Study("cot", [Condition("answer_always_a", ("shots", 1L))]), NumberItems, ChoicePool))), StringComparison.Ordinal);
        var unexplained = ChoicePool.Select(d => d with { Explanation = null }).ToList();
        Assert.Contains("worked explanation", Single(cot.ValidateData(Context(Study("cot", [Condition("few_shot_cot", ("shots", 2L))]), ChoiceItems, unexplained))), StringComparison.Ordinal);
        Assert.Empty(cot.ValidateData(Context(Study("cot", [Condition("direct", ("shots", 2L))]), ChoiceItems, unexplained)));
        Assert.Contains("no valid gold answer", Single(cot.ValidateData(Context(Study("cot", [Condition("direct")]), [ChoiceItems[0] with { Label = "F" }], ChoicePool))), StringComparison.Ordinal);
        Assert.Contains("with an explanation", Single(Kind("explanations").ValidateData(Context(Study("explanations", [Condition("no_explanation", ("shots", 2L))]), ChoiceItems, unexplained))), StringComparison.Ordinal);
    }

    [Fact]
    public void PlanRefusesInvalidInputWithTheSameProblems()
    {
        var study = Study("icl", [Condition("gold", ("shots", 3L))], Sentiment);
        var e = Assert.Throws<StudyProblemsException>(() => Kind("icl").Plan(Context(study, SentimentItems, SentimentPool.Take(1).ToList())));
        Assert.Contains("experiments.yaml:3:1", e.Message, StringComparison.Ordinal);
        Assert.Single(e.Problems);
        Assert.Throws<StudyProblemsException>(() => Kind("icl").Plan(Context(Study("icl", [Condition("gold", ("shots", -1L))], Sentiment), SentimentItems, SentimentPool)));
    }

    [Fact]
    public void StudiesWithoutConditionsRunTheKindsBaseline()
    {
        Assert.Equal(["gold", "gold"], Plan(Kind("icl"), Context(Study("icl", [], Sentiment), SentimentItems, SentimentPool)).Select(t => t.Condition));
        Assert.Equal(["direct", "direct"], Plan(Kind("cot"), Context(Study("cot", []), ChoiceItems, ChoicePool)).Select(t => t.Condition));
        Assert.Equal(["default"], Plan(Kind("uncertainty"), Context(Study("uncertainty", []), NumberItems, [])).Select(t => t.Condition));
    }
}
