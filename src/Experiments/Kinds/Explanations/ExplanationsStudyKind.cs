using System.Globalization;
using Studies.Backends;
using Studies.Experiments.Kinds.Extraction;
using Studies.Experiments.Kinds.Prompting;
using Studies.Experiments.Kinds.Scoring;
using Studies.Experiments.Kinds.Validation;
using Studies.Experiments.Model;

namespace Studies.Experiments.Kinds.Explanations;

/// <summary>
/// Explanations in the prompt: do explanations in few-shot demonstrations help, after the answer (predict-then-
/// explain) or before it (explain-then-predict, Ye and Durrett 2022), beyond the matched controls of Lampinen et al.
/// 2022 (scrambled, true-but-irrelevant, length-matched filler)? Every condition, including no_explanation, uses the
/// same demonstrations (drawn from the pool items that have an explanation) for the same items.
/// </summary>
internal sealed class ExplanationsStudyKind : StudyKindBase<ExplanationCondition>
{
    public const int DefaultShots = 4;

    public override string Name => "explanations";

    internal override ConditionCatalog Catalog { get; } = new("explanations", "no_explanation",
        ["question_template", "instruction", "shots", "answer_tokens"],
    [
        new("no_explanation", []),
        new("explain_after", []),
        new("explain_before", []),
        new("scrambled_explanation", ["position"]),
        new("irrelevant_explanation", ["position"]),
        new("filler_explanation", ["position"]),
    ]);

    protected override ExplanationCondition Configure(ParameterReader p, StudyDefinition study)
    {
        var spec = p.Condition;
        string template = QuestionFormat.ReadTemplate(p);

        var content = spec.Type switch
        {
            "no_explanation" => ExplanationContent.None,
            "scrambled_explanation" => ExplanationContent.Scrambled,
            "irrelevant_explanation" => ExplanationContent.Irrelevant,
            "filler_explanation" => ExplanationContent.Filler,
            _ => ExplanationContent.True,
        };
        var position = spec.Type switch
        {
            "explain_before" => ExplanationPosition.Before,
            "explain_after" or "no_explanation" => ExplanationPosition.After,
            _ => p.OneOf("position", "after", ["after", "before"]) == "before" ? ExplanationPosition.Before : ExplanationPosition.After,
        };
        var shots = p.Ints("shots", [DefaultShots], 1, 32).Distinct().ToList();
        if (content == ExplanationContent.Irrelevant && shots.Any(k => k < 2))
        {
            p.Report("irrelevant_explanation shows each demonstration with another demonstration's explanation: it needs at least 2 shots.");
        }

        return new ExplanationCondition
        {
            Spec = spec,
            Format = new QuestionFormat(template, p.Text("instruction", "")),
            Shots = shots,
            Content = content,
            Position = position,
            AnswerTokens = p.Int("answer_tokens", 16, 1, 1024),
        };
    }

    protected override void CheckData(StudyContext context, IReadOnlyList<ExplanationCondition> conditions, List<StudyProblem> problems)
    {
        var study = context.Study;
        var noGold = context.Items.Where(i => AnswerSpace.For(i, study.Labels).Gold(i) is null).Select(i => i.Id).ToList();
        if (noGold.Count > 0)
        {
            problems.Add(new(study.Location, $"Study '{study.Name}': items {ItemList(noGold)} have no valid gold answer: check the dataset's field mapping."));
        }

        var pool = DemoPool(context);
        int maxShots = conditions.SelectMany(c => c.Shots).DefaultIfEmpty(0).Max();
        int available = context.Items.Count == 0 ? 0 : context.Items.Min(i => DemonstrationSampler.Available(pool, i));
        if (context.Items.Count > 0 && available < maxShots)
        {
            problems.Add(new(study.Location, $"Study '{study.Name}' asks for {maxShots} shots of demonstrations with an explanation (the explanation field), but the pool has {available} besides the evaluated item: add explained demonstrations or lower shots."));
        }

        var badDemos = pool.Where(d => AnswerSpace.For(d, study.Labels).Gold(d) is null).Select(d => d.Id).ToList();
        if (badDemos.Count > 0)
        {
            problems.Add(new(study.Location, $"Study '{study.Name}': demonstrations {ItemList(badDemos)} have no valid gold answer."));
        }
    }

    protected override IReadOnlyList<RequiredCapability> Requirements(StudyDefinition study, IReadOnlyList<ExplanationCondition> conditions) =>
        study.Scoring == ScoringMethod.LogLikelihood
            ? [new RequiredCapability("prompt_scoring", c => c.PromptScoring, "use scoring: generation")]
            : [];

    protected override IReadOnlyList<TrialPlan> PlanTrials(StudyContext context, IReadOnlyList<ExplanationCondition> conditions)
    {
        var study = context.Study;
        var seeds = Seeds(study);
        var samplers = seeds.ToDictionary(s => s, s => new DemonstrationSampler(DemoPool(context), s));
        var trials = new List<TrialPlan>();
        foreach (var c in conditions)
        {
            foreach (int k in c.Shots)
            {
                foreach (int seed in seeds)
                {
                    foreach (var item in context.Items)
                    {
                        var demos = samplers[seed].Draw(k, item);
                        var explanations = c.Content == ExplanationContent.None ? null : ExplanationPrompts.Explanations(demos, c.Content, seed);
                        var shown = demos.Select((d, i) => ExplanationPrompts.Demo(c.Format, d, AnswerSpace.For(d, study.Labels), explanations?[i], c.Position));
                        bool explainFirst = c.Content != ExplanationContent.None && c.Position == ExplanationPosition.Before;
                        var space = AnswerSpace.For(item, study.Labels);
                        var trial = new ExplanationTrial
                        {
                            Prompt = ExplanationPrompts.Query(c.Format, shown, item, explainFirst),
                            ExplainFirst = explainFirst,
                            Space = space,
                            Gold = space.Gold(item)!,
                            Answer = new AnswerSettings(context.Role, study.Scoring, c.AnswerTokens,
                                study.Sampling with { Seed = SeedDerivation.SamplingSeed(seed, "explanations-answer", item.Id) }),
                            ExplanationSampling = study.Sampling with { Seed = SeedDerivation.SamplingSeed(seed, "explanations-explanation", item.Id) },
                            ExplanationTokens = study.MaxTokens,
                        };
                        var facets = new Dictionary<string, string>
                        {
                            ["shots"] = k.ToString(CultureInfo.InvariantCulture),
                            ["explanation"] = c.Content.ToString().ToLowerInvariant(),
                            ["position"] = c.Content == ExplanationContent.None ? "none" : c.Position.ToString().ToLowerInvariant(),
                            ["answer_type"] = space.Kind.ToString().ToLowerInvariant(),
                        };
                        trials.Add(Trial(context, c.Spec, item, seed, RolePrompts.Wrap(trial.Prompt, context.Role), facets, trial.ExecuteAsync));
                    }
                }
            }
        }

        return trials;
    }

    private static IReadOnlyList<StudyItem> DemoPool(StudyContext context) =>
        [.. context.DemonstrationPool.Where(d => !string.IsNullOrWhiteSpace(d.Explanation))];
}
