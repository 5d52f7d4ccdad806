using Studies.Backends;
using Studies.Experiments.Kinds;
using Studies.Experiments.Model;
using Studies.Experiments.Planning;
using Studies.Experiments.Tests.Fakes;
using Studies.Experiments.Validation;

namespace Studies.Experiments.Tests;

/// <summary>The planner: deterministic trial lists, stable keys, prefix-friendly order, filters and plan problems.</summary>
public sealed class PlannerTests : IDisposable
{
    private const string TwoModels = """
        defaults:
          models: [{name: base, backend: fake, role: base}, {name: chat, backend: fake, role: assistant}]
        studies:
          - name: colors
            kind: fake
            dataset: {synthetic: color, size: 6, seed: 2}
            seeds: [0, 1]
            conditions: [{type: plain}, {type: prefixed, prefix: "Answer yes or no. "}]
          - name: moods
            kind: fake
            dataset: {synthetic: sentiment, size: 4}
        """;

    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Trial_keys_are_pinned()
    {
        var facets = new Dictionary<string, string> { ["b"] = "2", ["a"] = "1" };

        // Computed independently (python hashlib) from the documented layout; a change here orphans every stored run.
        Assert.Equal("a585f30147755ce87dcf533fcfc5772f", TrialKey.Compute("abc", "tiny", "study", "cond", "item-1", 3, facets, "Prompt text"));
        Assert.Equal("2b0f0bcc0008e33a748b400787376d52", TrialKey.Hash("Prompt text"));
        Assert.NotEqual(TrialKey.Compute("abc", "tiny", "study", "cond", "item-1", 4, facets, "Prompt text"), TrialKey.Compute("abc", "tiny", "study", "cond", "item-1", 3, facets, "Prompt text"));
        Assert.NotEqual(TrialKey.Compute("abd", "tiny", "study", "cond", "item-1", 3, facets, "Prompt text"), TrialKey.Compute("abc", "tiny", "study", "cond", "item-1", 3, facets, "Prompt text"));
    }

    [Fact]
    public async Task Planning_is_deterministic_and_keys_are_stable()
    {
        string path = _dir.File("exp.yaml", TwoModels);
        var first = await Plan(path);
        var second = await Plan(path);

        Assert.Equal(2 * (6 * 2 * 2 + 4), first.Trials.Count);
        Assert.Equal(first.Trials.Select(t => t.Key), second.Trials.Select(t => t.Key));
        Assert.Equal(first.ConfigHash, second.ConfigHash);
        Assert.Equal(first.Trials.Count, first.Trials.Select(t => t.Key).Distinct().Count());
        Assert.Equal([new("colors", 48), new("moods", 8)], first.TrialsPerStudy);
    }

    [Fact]
    public async Task Trials_run_by_model_then_rendered_prompt()
    {
        var plan = await Plan(_dir.File("exp.yaml", TwoModels));

        Assert.Equal(["base", "chat"], plan.Trials.Select(t => t.Model.Name).Distinct());
        foreach (var group in plan.Trials.GroupBy(t => t.Model.Name))
        {
            var prompts = group.Select(t => t.RenderedPrompt).ToArray();
            Assert.Equal(prompts.Order(StringComparer.Ordinal), prompts);
        }

        var chat = plan.Trials.First(t => t.Model.Name == "chat");
        Assert.StartsWith("<user>", chat.RenderedPrompt);
        Assert.Equal(TrialKey.Hash(chat.RenderedPrompt), chat.PromptHash);
    }

    [Fact]
    public async Task Study_and_limit_filters_select_trials_without_changing_keys()
    {
        string path = _dir.File("exp.yaml", TwoModels);
        var all = await Plan(path);
        var limited = await Plan(path, new StudySelection { Studies = ["colors"], Limit = 2 });

        Assert.Equal(2 * 2 * 2 * 2, limited.Trials.Count);
        Assert.All(limited.Trials, t => Assert.Equal("colors", t.Study));
        Assert.Subset(all.Trials.Select(t => t.Key).ToHashSet(), limited.Trials.Select(t => t.Key).ToHashSet());
    }

    [Fact]
    public async Task The_limit_does_not_change_the_config_hash_but_the_config_does()
    {
        string path = _dir.File("exp.yaml", TwoModels);
        var all = await Plan(path);
        var limited = await Plan(path, new StudySelection { Limit = 1 });
        var changed = await Plan(_dir.File("exp2.yaml", TwoModels.Replace("seeds: [0, 1]", "seeds: [0, 2]", StringComparison.Ordinal)));

        Assert.Equal(all.ConfigHash, limited.ConfigHash);
        Assert.NotEqual(all.ConfigHash, changed.ConfigHash);
    }

    [Fact]
    public async Task Prompts_the_model_cannot_encode_and_kinds_that_throw_are_plan_problems()
    {
        string path = _dir.File("exp.yaml", """
            studies:
              - name: s
                kind: fake
                dataset: {synthetic: color, size: 3}
                models: [{name: tiny, backend: fake}]
                conditions: [{type: prefixed, prefix: "\u00a7 "}]
              - name: t
                kind: broken
                dataset: {synthetic: color, size: 3}
                models: [{name: tiny, backend: fake}]
            """);
        using var engine = new TestEngine(_dir.Combine("results"), new FakeModelProvider(n => new FakeLanguageModel(n), "tiny"), extraKind: new BrokenKind());
        var (plan, models) = await Pipeline.PlanAsync(engine, path, checkModels: false);
        await using var _ = models;

        Assert.Equal(4, plan.Problems.Count);
        Assert.All(plan.Problems.Take(3), p => Assert.Contains("the prompt has '\u00a7' (U+00A7), which model 'tiny' cannot encode (from the kind's template or the condition's parameters): change that text.", p.Message));
        Assert.Equal("the 'broken' kind failed while planning study 't' for model 'tiny': no plan today (a bug in the kind; please report it).", plan.Problems[3].Message);
    }

    [Fact]
    public async Task Identical_trials_from_a_kind_are_a_problem()
    {
        string path = _dir.File("exp.yaml", """
            studies:
              - {name: s, kind: broken, dataset: {synthetic: color, size: 2}, models: [{name: tiny, backend: fake}], parameters: {duplicate: true}}
            """);
        using var engine = new TestEngine(_dir.Combine("results"), new FakeModelProvider(n => new FakeLanguageModel(n), "tiny"), new BrokenKind());
        var (plan, models) = await Pipeline.PlanAsync(engine, path);
        await using var _ = models;

        var problem = Assert.Single(plan.Problems);
        Assert.StartsWith("the 'broken' kind planned two identical trials in study 's' (condition 'c', item 'color-000", problem.Message);
    }

    [Fact]
    public async Task Prompts_longer_than_the_context_are_warnings()
    {
        string path = _dir.File("exp.yaml", """
            studies:
              - {name: s, kind: fake, dataset: {synthetic: story_qa, size: 2}, models: [{name: tiny, backend: fake}], max_tokens: 510}
            """);
        var plan = await Plan(path);

        Assert.Empty(plan.Problems);
        Assert.Equal(2, plan.Warnings.Count);
        Assert.Contains("and max_tokens is 510, but model 'tiny' holds 512: the trial may fail", plan.Warnings[0].Message);
    }

    private async Task<StudyPlan> Plan(string path, StudySelection? selection = null)
    {
        using var engine = new TestEngine(_dir.Combine("results"), new FakeModelProvider(n => new FakeLanguageModel(n), "base", "chat", "tiny"));
        var (plan, models) = await Pipeline.PlanAsync(engine, path, selection);
        await models.DisposeAsync();
        return plan;
    }

    /// <summary>A kind that throws while planning, or plans the same trial twice.</summary>
    private sealed class BrokenKind : IStudyKind
    {
        public string Name => "broken";

        public IReadOnlyList<string> ConditionTypes { get; } = ["plain", "prefixed"];

        public IReadOnlyList<StudyProblem> Validate(StudyDefinition study) => [];

        public IReadOnlyList<RequiredCapability> Requirements(StudyDefinition study) => [];

        public IEnumerable<TrialPlan> Plan(StudyContext context)
        {
            if (context.Study.Parameters.ContainsKey("duplicate"))
            {
                var item = context.Items[0];
                for (int i = 0; i < 2; i++)
                {
                    yield return new TrialPlan
                    {
                        Study = context.Study.Name, Kind = Name, Condition = "c", ItemId = item.Id, Model = context.ModelName, Seed = 0,
                        Prompt = ModelPrompt.Raw(item.Input), Execute = (_, _) => Task.FromResult(new TrialOutput { Output = "" }),
                    };
                }

                yield break;
            }

            throw new InvalidOperationException("no plan today");
        }
    }
}
