using Studies.Backends;
using Studies.Experiments.Kinds;
using Studies.Experiments.Kinds.Prompting;
using Studies.Experiments.Model;
using static Studies.Experiments.Tests.Kinds.Fixtures;

namespace Studies.Experiments.Tests.Kinds;

/// <summary>Planning is deterministic and paired; the registry finds the kinds; seeds are stable across processes.</summary>
public class PlanningTests
{
    public static TheoryData<string> KindNames => ["icl", "cot", "explanations", "uncertainty"];

    /// <summary>A study of every condition type of a kind, with two seeds.</summary>
    private static StudyContext EveryCondition(string kind)
    {
        var registry = StudyKindRegistry.Default;
        var conditions = registry.Get(kind).ConditionTypes.Select(type => type switch
        {
            "zero_shot" or "zero_shot_cot" or "default" => Condition(type),
            "permutation" => Condition(type, ("shots", 2L), ("permutations", 2L)),
            "self_consistency" => Condition(type, ("samples", 3L)),
            _ => Condition(type, ("shots", 2L)),
        }).ToList();
        return kind switch
        {
            "icl" => Context(Study(kind, conditions, Sentiment, seeds: [0, 1]), SentimentItems, SentimentPool),
            "uncertainty" => Context(Study(kind, conditions, seeds: [0, 1]), NumberItems, []),
            _ => Context(Study(kind, conditions, seeds: [0, 1]), ChoiceItems, ChoicePool),
        };
    }

    private static string Describe(TrialPlan t) =>
        $"{t.Study}|{t.Kind}|{t.Condition}|{t.ItemId}|{t.Model}|{t.Seed}|{t.Prompt}|{string.Join(",", t.Facets.Select(f => $"{f.Key}={f.Value}"))}";

    [Theory]
    [MemberData(nameof(KindNames))]
    public void PlanningIsAPureFunctionOfItsInputs(string kind)
    {
        var context = EveryCondition(kind);
        var first = StudyKindRegistry.Default.Get(kind).Plan(context).Select(Describe).ToList();
        var second = new StudyKindRegistry([new Studies.Experiments.Kinds.Icl.IclStudyKind(), new Studies.Experiments.Kinds.Cot.CotStudyKind(),
            new Studies.Experiments.Kinds.Explanations.ExplanationsStudyKind(), new Studies.Experiments.Kinds.Uncertainty.UncertaintyStudyKind()]).Get(kind).Plan(context).Select(Describe).ToList();
        Assert.NotEmpty(first);
        Assert.Equal(first, second);
        Assert.Empty(StudyKindRegistry.Default.Get(kind).Validate(context.Study));
        Assert.Empty(StudyKindRegistry.Default.Get(kind).ValidateData(context));
        // Every trial is distinguishable: condition, item, seed and facets make a unique key.
        Assert.Equal(first.Count, first.Distinct().Count());
    }

    [Fact]
    public void SeedsRedrawDemonstrationsAndConditionsArePaired()
    {
        var trials = Plan(StudyKindRegistry.Default.Get("icl"), EveryCondition("icl"));
        var gold = trials.Where(t => t.Condition == "gold").ToList();
        Assert.NotEqual(Text(gold.Single(t => t.Seed == 0 && t.ItemId == "q1")), Text(gold.Single(t => t.Seed == 1 && t.ItemId == "q1")));
        // Same seed, same shots: random labels show the gold condition's inputs in the same order.
        static IEnumerable<string> Inputs(TrialPlan t) => Text(t).Split('\n').Where(l => l.StartsWith("Sentence:", StringComparison.Ordinal));
        var random = trials.Single(t => t.Condition == "random_labels" && t.Seed == 1 && t.ItemId == "q2");
        Assert.Equal(Inputs(gold.Single(t => t.Seed == 1 && t.ItemId == "q2")), Inputs(random));
    }

    [Fact]
    public void StableRandomAndSeedDerivationAreFixedAcrossProcessesAndVersions()
    {
        // Pinned values: a change here silently changes every planned demonstration.
        Assert.Equal(0xE220A8397B1DCDAFUL, new StableRandom(0).NextUInt64());
        Assert.Equal(SeedDerivation.Derive(7, "demonstrations"), SeedDerivation.Derive(7, "demonstrations"));
        Assert.NotEqual(SeedDerivation.Derive(7, "ab", "c"), SeedDerivation.Derive(7, "a", "bc"));
        Assert.NotEqual(SeedDerivation.Derive(7, "x"), SeedDerivation.Derive(8, "x"));
        Assert.Equal(0x965667367B0C95D4UL, SeedDerivation.Derive(0, "demonstrations")); // cross-checked with an independent implementation
    }

    [Fact]
    public void PermutationsAreDistinct()
    {
        var orders = Permutations.Distinct(3, 6, 0);
        Assert.Equal(6, orders.Select(o => string.Join(",", o)).Distinct().Count());
        Assert.Equal([0, 1, 2], orders[0]);
        Assert.Throws<ArgumentOutOfRangeException>(() => Permutations.Distinct(2, 3, 0));
    }

    [Fact]
    public void RegistryFindsKindsByNameAndSuggestsForTypos()
    {
        var registry = StudyKindRegistry.Default;
        Assert.Equal(["icl", "cot", "explanations", "uncertainty"], registry.Names);
        Assert.True(registry.TryGet("ICL", out var icl));
        Assert.Equal("icl", icl.Name);
        Assert.False(registry.TryGet("cott", out _));
        var e = Assert.Throws<KeyNotFoundException>(() => registry.Get("cott"));
        Assert.Contains("did you mean 'cot'?", e.Message, StringComparison.Ordinal);
        Assert.Contains("gold", icl.ConditionTypes);
        Assert.Throws<ArgumentException>(() => new StudyKindRegistry([icl, icl]));
    }

    [Fact]
    public void RequirementsFollowScoringAndSamples()
    {
        var full = new BackendCapabilities { PromptScoring = true, GenerationLogprobs = true, MaxSamples = 31 };
        var bare = new BackendCapabilities { MaxSamples = 1 };
        var icl = StudyKindRegistry.Default.Get("icl");
        var loglik = icl.Requirements(Study("icl", [Condition("gold")], Sentiment));
        Assert.All(loglik, r => Assert.True(r.IsMet(full)));
        Assert.Contains(loglik, r => !r.IsMet(bare) && r.Alternative.Contains("scoring: generation", StringComparison.Ordinal));
        Assert.Empty(icl.Requirements(Study("icl", [Condition("gold")], Sentiment, ScoringMethod.Generation)));

        var unc = StudyKindRegistry.Default.Get("uncertainty").Requirements(Study("uncertainty", [Condition("default", ("samples", 40L))]));
        Assert.Contains(unc, r => !r.IsMet(full) && r.Name == "samples>=40");
    }
}
