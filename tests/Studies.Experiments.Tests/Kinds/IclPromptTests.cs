using Studies.Experiments.Kinds;
using Studies.Experiments.Kinds.Icl;
using Studies.Experiments.Model;
using static Studies.Experiments.Tests.Kinds.Fixtures;

namespace Studies.Experiments.Tests.Kinds;

/// <summary>Each icl condition's prompt, literally, for the fixed sentiment items, seed 0 and 3 shots.</summary>
public class IclPromptTests
{
    private const string GoldDemos = """
        Sentence: Tom got a new toy.
        Sentiment: happy

        Sentence: Ben fell and cried.
        Sentiment: sad

        Sentence: Mom baked a cake.
        Sentiment: happy
        """;

    private const string Query1 = "Sentence: Sue found a puppy.\nSentiment:";

    private static TrialPlan First(string type, params (string, object?)[] parameters) => Trials(type, parameters)[0];

    private static IReadOnlyList<TrialPlan> Trials(string type, params (string, object?)[] parameters) =>
        Plan(new IclStudyKind(), Context(Study("icl", [Condition(type, parameters)], Sentiment), SentimentItems, SentimentPool));

    [Fact]
    public void Gold()
    {
        var t = First("gold", ("shots", 3L));
        Assert.Equal(GoldDemos + "\n\n" + Query1, Text(t));
        Assert.Equal("q1", t.ItemId);
        Assert.Equal(new Dictionary<string, string>
        {
            ["shots"] = "3", ["labels"] = "gold", ["inputs"] = "gold", ["demo_majority"] = "happy", ["demo_recency"] = "happy",
        }, t.Facets);
    }

    [Fact]
    public void DemonstrationsAreSharedByItemsAndNestedAcrossShotCounts()
    {
        var trials = Trials("gold", ("shots", new List<object?> { 2L, 3L }));
        Assert.Equal(4, trials.Count);
        Assert.Equal("""
            Sentence: Tom got a new toy.
            Sentiment: happy

            Sentence: Ben fell and cried.
            Sentiment: sad

            Sentence: Sue found a puppy.
            Sentiment:
            """, Text(trials[0]));
        Assert.Equal(GoldDemos + "\n\nSentence: The rain ruined the day.\nSentiment:", Text(trials[3]));
        Assert.Equal(["2", "2", "3", "3"], trials.Select(t => t.Facets["shots"]));
    }

    [Fact]
    public void TheEvaluatedItemIsNeverItsOwnDemonstration()
    {
        // d1 is drawn first for seed 0; evaluated itself, it is skipped and the next demonstration takes its place.
        var items = new List<StudyItem> { SentimentPool[0] };
        var t = Plan(new IclStudyKind(), Context(Study("icl", [Condition("gold", ("shots", 3L))], Sentiment), items, SentimentPool))[0];
        Assert.Equal("""
            Sentence: Ben fell and cried.
            Sentiment: sad

            Sentence: Mom baked a cake.
            Sentiment: happy

            Sentence: The sun was warm.
            Sentiment: happy

            Sentence: Tom got a new toy.
            Sentiment:
            """, Text(t));
    }

    [Fact]
    public void RandomLabels()
    {
        var t = First("random_labels", ("shots", 3L));
        Assert.Equal("""
            Sentence: Tom got a new toy.
            Sentiment: happy

            Sentence: Ben fell and cried.
            Sentiment: happy

            Sentence: Mom baked a cake.
            Sentiment: sad

            Sentence: Sue found a puppy.
            Sentiment:
            """, Text(t));
        Assert.Equal("random", t.Facets["labels"]);
        Assert.Equal("sad", t.Facets["demo_recency"]);
    }

    [Fact]
    public void FlippedLabels()
    {
        // p = 0.5 of 3 demonstrations rounds to 2 flipped: the first and the last (happy → sad).
        var trials = Trials("flipped_labels", ("shots", 3L), ("p", new List<object?> { 0.5, 1.0 }));
        Assert.Equal("""
            Sentence: Tom got a new toy.
            Sentiment: sad

            Sentence: Ben fell and cried.
            Sentiment: sad

            Sentence: Mom baked a cake.
            Sentiment: sad

            Sentence: Sue found a puppy.
            Sentiment:
            """, Text(trials[0]));
        Assert.Equal("0.5", trials[0].Facets["flip"]);
        Assert.Equal("""
            Sentence: Tom got a new toy.
            Sentiment: sad

            Sentence: Ben fell and cried.
            Sentiment: happy

            Sentence: Mom baked a cake.
            Sentiment: sad

            Sentence: Sue found a puppy.
            Sentiment:
            """, Text(trials[2]));
        Assert.Equal("1", trials[2].Facets["flip"]);
    }

    [Fact]
    public void UnrelatedLabels()
    {
        var t = First("unrelated_labels", ("shots", 3L));
        Assert.Equal("""
            Sentence: Tom got a new toy.
            Sentiment: foo

            Sentence: Ben fell and cried.
            Sentiment: bar

            Sentence: Mom baked a cake.
            Sentiment: foo

            Sentence: Sue found a puppy.
            Sentiment:
            """, Text(t));
        var custom = First("unrelated_labels", ("shots", 1L), ("words", new List<object?> { "apple", "stone" }));
        Assert.Equal("Sentence: Tom got a new toy.\nSentiment: apple\n\n" + Query1, Text(custom));
    }

    [Fact]
    public void OutOfDistributionInputs()
    {
        // Length-matched random words; gold labels kept.
        Assert.Equal("""
            Sentence: chair bottle kettle north around
            Sentiment: happy

            Sentence: corner wheel answer maps
            Sentiment: sad

            Sentence: carpet tower seven before
            Sentiment: happy

            Sentence: Sue found a puppy.
            Sentiment:
            """, Text(First("ood_inputs", ("shots", 3L))));
    }

    [Fact]
    public void FormatOnlyAblations()
    {
        Assert.Equal("""
            Sentence: kettle beside bridge cloud wheel
            Sentiment: happy

            Sentence: shadow fence field winter
            Sentiment: happy

            Sentence: garden under button maps
            Sentiment: sad

            Sentence: Sue found a puppy.
            Sentiment:
            """, Text(First("format_only", ("shots", 3L))));
        Assert.Equal("Sentence: \nSentiment: happy\n\nSentence: \nSentiment: sad\n\n" + Query1,
            Text(First("format_only", ("shots", 2L), ("ablation", "no_inputs"))));
        var noLabels = First("format_only", ("shots", 2L), ("ablation", "no_labels"));
        Assert.Equal("Sentence: Tom got a new toy.\nSentiment:\n\nSentence: Ben fell and cried.\nSentiment:\n\n" + Query1, Text(noLabels));
        Assert.Equal("none", noLabels.Facets["labels"]);
        Assert.Equal("none", noLabels.Facets["demo_recency"]);
    }

    [Fact]
    public void Permutations()
    {
        var trials = Trials("permutation", ("shots", 3L), ("permutations", 2L));
        Assert.Equal(4, trials.Count);
        Assert.Equal(GoldDemos + "\n\n" + Query1, Text(trials[0]));
        Assert.Equal("""
            Sentence: Mom baked a cake.
            Sentiment: happy

            Sentence: Tom got a new toy.
            Sentiment: happy

            Sentence: Ben fell and cried.
            Sentiment: sad

            Sentence: Sue found a puppy.
            Sentiment:
            """, Text(trials[2]));
        Assert.Equal(["0", "0", "1", "1"], trials.Select(t => t.Facets["perm"]));
        Assert.Equal("sad", trials[2].Facets["demo_recency"]);
    }

    [Fact]
    public async Task ContextualCalibrationScoresContentFreeInputsWithTheSameDemonstrations()
    {
        var t = First("contextual_calibration", ("shots", 3L));
        Assert.Equal(GoldDemos + "\n\n" + Query1, Text(t));
        var model = new ScriptedModel();
        await Run(t, model);
        Assert.Equal(
        [
            "score: " + GoldDemos + "\n\n" + Query1,
            "score: " + GoldDemos + "\n\nSentence: N/A\nSentiment:",
            "score: " + GoldDemos + "\n\nSentence: \nSentiment:",
            "score: " + GoldDemos + "\n\nSentence: [MASK]\nSentiment:",
        ], model.Calls);
        Assert.All(model.Scorings, s => Assert.Equal([" happy", " sad"], s.Candidates));
    }

    [Fact]
    public void ZeroShot()
    {
        var t = First("zero_shot");
        Assert.Equal(Query1, Text(t));
        Assert.Equal("0", t.Facets["shots"]);
        Assert.Equal("none", t.Facets["demo_majority"]);
    }

    [Fact]
    public void TemplateSeparatorAndInstructionAreConfigurable()
    {
        var parameters = new Dictionary<string, object?>
        {
            ["template"] = "Review: {input}\nMood: {label}.",
            ["separator"] = "\n---\n",
            ["instruction"] = "Say if each review is happy or sad.",
        };
        var study = Study("icl", [Condition("gold", ("shots", 2L))], Sentiment, parameters: parameters);
        var t = Plan(new IclStudyKind(), Context(study, SentimentItems, SentimentPool))[0];
        Assert.Equal("""
            Say if each review is happy or sad.
            ---
            Review: Tom got a new toy.
            Mood: happy.
            ---
            Review: Ben fell and cried.
            Mood: sad.
            ---
            Review: Sue found a puppy.
            Mood:
            """, Text(t));
    }

    [Fact]
    public async Task BaseGetsRawTextAndSpacedCandidatesAssistantGetsAUserMessageAndBareCandidates()
    {
        var study = Study("icl", [Condition("gold", ("shots", 3L))], Sentiment);
        var raw = Plan(new IclStudyKind(), Context(study, SentimentItems, SentimentPool, ModelRole.Base))[0];
        var chat = Plan(new IclStudyKind(), Context(study, SentimentItems, SentimentPool, ModelRole.Assistant))[0];
        Assert.False(raw.Prompt.IsChat);
        Assert.True(chat.Prompt.IsChat);
        var message = Assert.Single(chat.Prompt.Messages!);
        Assert.Equal("user", message.Role);
        Assert.Equal(Text(raw), message.Content);

        var baseModel = new ScriptedModel();
        var chatModel = new ScriptedModel();
        await Run(raw, baseModel);
        await Run(chat, chatModel);
        Assert.Equal([" happy", " sad"], baseModel.Scorings[0].Candidates);
        Assert.Equal(["happy", "sad"], chatModel.Scorings[0].Candidates);
        Assert.Equal("score: [user]" + GoldDemos + "\n\n" + Query1 + "[/user][assistant]", chatModel.Calls[0]);
    }
}
