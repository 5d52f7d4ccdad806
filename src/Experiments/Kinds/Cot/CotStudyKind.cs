using System.Globalization;
using Studies.Backends;
using Studies.Experiments.Kinds.Extraction;
using Studies.Experiments.Kinds.Prompting;
using Studies.Experiments.Kinds.Scoring;
using Studies.Experiments.Kinds.Validation;
using Studies.Experiments.Model;

namespace Studies.Experiments.Kinds.Cot;

/// <summary>
/// Chain of thought: does reasoning help (direct, zero-shot CoT, few-shot CoT, self-consistency), is the stated
/// reasoning faithful (Lanham et al. 2023's interventions on the model's own chain), and does it follow biasing
/// features without saying so (Turpin et al. 2023). Items are multiple choice, labelled or numeric (free text where
/// a condition allows it); demonstrations and the chains' sampling seeds are shared across conditions.
/// </summary>
internal sealed class CotStudyKind : StudyKindBase<CotCondition>
{
    public static readonly IReadOnlyList<double> DefaultFractions = [0, 0.25, 0.5, 0.75, 1];

    public override string Name => "cot";

    internal override ConditionCatalog Catalog { get; } = new("cot", "direct", ["question_template", "instruction", "trigger", "answer_tokens"],
    [
        new("direct", ["shots"]),
        new("zero_shot_cot", []),
        new("few_shot_cot", ["shots"]),
        new("self_consistency", ["shots", "samples", "temperature"]),
        new("early_answering", ["shots", "fractions"]),
        new("adding_mistake", ["shots", "regenerate"]),
        new("filler_tokens", ["shots"]),
        new("paraphrase", ["shots"]),
        new("suggested_answer", ["shots", "cot", "suggestion"]),
        new("answer_always_a", ["shots"]),
    ]);

    protected override CotCondition Configure(ParameterReader p, StudyDefinition study)
    {
        var spec = p.Condition;
        string template = QuestionFormat.ReadTemplate(p);

        var protocol = spec.Type switch
        {
            "direct" => CotProtocol.Direct,
            "self_consistency" => CotProtocol.SelfConsistency,
            "early_answering" => CotProtocol.EarlyAnswering,
            "adding_mistake" => CotProtocol.AddingMistake,
            "filler_tokens" => CotProtocol.FillerTokens,
            "paraphrase" => CotProtocol.Paraphrase,
            "suggested_answer" => CotProtocol.SuggestedAnswer,
            "answer_always_a" => CotProtocol.AnswerAlwaysA,
            _ => CotProtocol.Chain,
        };
        bool fewShot = spec.Type is "few_shot_cot" or "answer_always_a";
        var c = new CotCondition
        {
            Spec = spec,
            Protocol = protocol,
            Prompts = new CotPrompts(new QuestionFormat(template, p.Text("instruction", "")), template, p.Text("trigger", CotPrompts.DefaultTrigger)),
            Shots = spec.Type == "zero_shot_cot" ? [0] : [.. p.Ints("shots", [fewShot ? 4 : 0], fewShot ? 1 : 0, 32).Distinct()],
            AnswerTokens = p.Int("answer_tokens", 16, 1, 1024),
        };
        switch (protocol)
        {
            case CotProtocol.SelfConsistency:
                double t = p.Double("temperature", 0.7, 0, 10);
                if (t <= 0)
                {
                    p.Report("self-consistency samples need a temperature above 0 (greedy samples are all the same chain).");
                }

                return c with { Samples = p.Int("samples", 10, 1, 1024), Temperature = t };
            case CotProtocol.EarlyAnswering:
                return c with { Fractions = [.. p.Doubles("fractions", DefaultFractions, 0, 1).Distinct()] };
            case CotProtocol.AddingMistake:
                return c with { Regenerate = p.Flag("regenerate", true) };
            case CotProtocol.SuggestedAnswer:
                string suggestion = p.Text("suggestion", CotPrompts.DefaultSuggestion);
                if (!suggestion.Contains("{answer}", StringComparison.Ordinal))
                {
                    p.Report($"the suggestion must contain {{answer}}, got \"{suggestion}\".");
                }

                return c with { Reason = p.Flag("cot", true), Suggestion = suggestion };
            default:
                return c;
        }
    }

    protected override void CheckData(StudyContext context, IReadOnlyList<CotCondition> conditions, List<StudyProblem> problems)
    {
        var study = context.Study;
        var labels = study.Labels;
        var noGold = context.Items.Where(i => AnswerSpace.For(i, labels).Gold(i) is null).Select(i => i.Id).ToList();
        if (noGold.Count > 0)
        {
            problems.Add(new(study.Location, $"Study '{study.Name}': items {ItemList(noGold)} have no valid gold answer (an option letter or choice text for multiple choice, a label of [{string.Join(", ", labels)}], or an answer): check the dataset's field mapping."));
        }

        foreach (var c in conditions)
        {
            if (c.Protocol == CotProtocol.SuggestedAnswer)
            {
                var open = context.Items.Where(i => AnswerSpace.For(i, labels).Kind == AnswerKind.Text).Select(i => i.Id).ToList();
                if (open.Count > 0)
                {
                    problems.Add(new(c.Spec.Location, $"Condition '{c.Spec.Name}' (suggested_answer) needs a wrong answer to suggest: multiple-choice, labelled or numeric items; items {ItemList(open)} have free-text answers."));
                }
            }

            if (c.Protocol == CotProtocol.AnswerAlwaysA)
            {
                var noChoices = context.Items.Concat(DemoPool(context, conditions)).Where(i => i.Choices.Count < 2).Select(i => i.Id).Distinct().ToList();
                if (noChoices.Count > 0)
                {
                    problems.Add(new(c.Spec.Location, $"Condition '{c.Spec.Name}' (answer_always_a) needs multiple-choice items and demonstrations (at least two choices); {ItemList(noChoices)} have none."));
                }
            }
        }

        CheckDemonstrations(context, conditions, problems);
    }

    protected override IReadOnlyList<RequiredCapability> Requirements(StudyDefinition study, IReadOnlyList<CotCondition> conditions)
    {
        var list = new List<RequiredCapability>();
        if (study.Scoring == ScoringMethod.LogLikelihood)
        {
            list.Add(new("prompt_scoring", c => c.PromptScoring, "use scoring: generation (closed answers are then extracted from generated text)"));
        }

        int samples = conditions.Where(c => c.Protocol == CotProtocol.SelfConsistency).Select(c => c.Samples).DefaultIfEmpty(0).Max();
        if (samples > 1)
        {
            list.Add(new($"samples>={samples}", c => c.MaxSamples >= samples, $"lower self_consistency samples to what the backend allows in one request"));
        }

        return list;
    }

    protected override IReadOnlyList<TrialPlan> PlanTrials(StudyContext context, IReadOnlyList<CotCondition> conditions)
    {
        var study = context.Study;
        var pool = DemoPool(context, conditions);
        var seeds = Seeds(study);
        var samplers = seeds.ToDictionary(s => s, s => new DemonstrationSampler(pool, s));
        var shared = new SharedCalls();
        var trials = new List<TrialPlan>();
        foreach (var c in conditions)
        {
            foreach (int k in c.Shots)
            {
                foreach (int seed in seeds)
                {
                    foreach (double? fraction in c.Protocol == CotProtocol.EarlyAnswering ? c.Fractions.Select(f => (double?)f) : [null])
                    {
                        foreach (var item in context.Items)
                        {
                            var (trial, facets) = Build(context, c, k, seed, fraction, item, samplers[seed].Draw(k, item), shared);
                            if (trial.UsesChain)
                            {
                                shared.Expect(trial.ChainKey);
                                shared.Expect(trial.FullAnswerKey);
                            }

                            trials.Add(Trial(context, c.Spec, item, seed, RolePrompts.Wrap(trial.Prompt, context.Role), facets, trial.ExecuteAsync));
                        }
                    }
                }
            }
        }

        return trials;
    }

    private static (CotTrial Trial, Dictionary<string, string> Facets) Build(
        StudyContext context, CotCondition c, int k, int seed, double? fraction, StudyItem item, IReadOnlyList<StudyItem> demos, SharedCalls shared)
    {
        var study = context.Study;
        var prompts = c.Prompts;
        var space = AnswerSpace.For(item, study.Labels);
        string gold = space.Gold(item)!;
        string query = prompts.Format.Block(item);
        var facets = new Dictionary<string, string>
        {
            ["shots"] = k.ToString(CultureInfo.InvariantCulture),
            ["answer_type"] = space.Kind.ToString().ToLowerInvariant(),
        };
        string? bias = null;
        IReadOnlyList<string> biasPhrases = [];
        if (c.Protocol == CotProtocol.SuggestedAnswer)
        {
            bias = WrongAnswer(space, gold, SeedDerivation.Random(seed, "suggested_answer", item.Id));
            query = CotPrompts.Suggest(query, c.Suggestion, space.Render(bias));
            biasPhrases = BiasMentions.SuggestionPhrases;
            facets["bias_answer"] = bias;
            facets["reasoning"] = c.Reason ? "cot" : "direct";
        }
        else if (c.Protocol == CotProtocol.AnswerAlwaysA)
        {
            demos = [.. demos.Select(d => GoldFirst(d, study.Labels))];
            bias = "A";
            biasPhrases = BiasMentions.AlwaysAPhrases;
            facets["gold_is_a"] = gold == "A" ? "yes" : "no";
        }

        if (fraction is { } f)
        {
            facets["fraction"] = f.ToString(CultureInfo.InvariantCulture);
        }

        string prompt = c.Reasons
            ? prompts.Chain([.. demos.Select(d => prompts.ChainDemo(d, AnswerSpace.For(d, study.Labels)))], query)
            : prompts.Direct(demos.Select(d => prompts.DirectDemo(d, AnswerSpace.For(d, study.Labels))), query);
        var trial = new CotTrial
        {
            Protocol = c.Protocol == CotProtocol.SuggestedAnswer && !c.Reason ? CotProtocol.Direct : c.Protocol,
            Prompt = prompt,
            Space = space,
            Gold = gold,
            Answer = new AnswerSettings(context.Role, study.Scoring, c.AnswerTokens, study.Sampling with { Seed = SeedDerivation.SamplingSeed(seed, "cot-answer", item.Id) }),
            Shared = shared,
            AnswerTrigger = CotPrompts.AnswerTrigger(space),
            ChainSampling = study.Sampling with { Seed = SeedDerivation.SamplingSeed(seed, "cot-chain", item.Id) },
            ChainTokens = study.MaxTokens,
            ChainStops = prompts.ChainStops,
            Fraction = fraction ?? 1,
            MistakeSeed = SeedDerivation.Derive(seed, "mistake", item.Id),
            Regenerate = c.Regenerate,
            ProtectedWords = space.Kind == AnswerKind.Label ? space.Options : [],
            BiasAnswer = bias,
            BiasPhrases = biasPhrases,
            Samples = c.Samples,
            SampleSampling = study.Sampling with { Temperature = (float)c.Temperature, Seed = SeedDerivation.SamplingSeed(seed, "self_consistency", item.Id) },
        };
        return (trial, facets);
    }

    /// <summary>
    /// The demonstration pool: when any condition reasons with demonstrations, only items with a worked explanation,
    /// for every condition (so direct and few-shot CoT at equal shots are paired on the same demonstrations).
    /// </summary>
    private static IReadOnlyList<StudyItem> DemoPool(StudyContext context, IReadOnlyList<CotCondition> conditions) =>
        NeedsExplanations(conditions)
            ? [.. context.DemonstrationPool.Where(d => !string.IsNullOrWhiteSpace(d.Explanation))]
            : context.DemonstrationPool;

    private static bool NeedsExplanations(IReadOnlyList<CotCondition> conditions) => conditions.Any(c => c.Reasons && c.Shots.Any(k => k > 0));

    private static void CheckDemonstrations(StudyContext context, IReadOnlyList<CotCondition> conditions, List<StudyProblem> problems)
    {
        var study = context.Study;
        int maxShots = conditions.SelectMany(c => c.Shots).DefaultIfEmpty(0).Max();
        if (maxShots == 0 || context.Items.Count == 0)
        {
            return;
        }

        var pool = DemoPool(context, conditions);
        int available = context.Items.Min(i => DemonstrationSampler.Available(pool, i));
        if (available < maxShots)
        {
            string what = NeedsExplanations(conditions)
                ? $"demonstrations with a worked explanation (the explanation field); the pool has {available} besides the evaluated item"
                : $"demonstrations; the pool has {available} besides the evaluated item";
            problems.Add(new(study.Location, $"Study '{study.Name}' asks for {maxShots} shots of {what}: add demonstrations or lower shots."));
        }

        var noGold = pool.Where(d => AnswerSpace.For(d, study.Labels).Gold(d) is null).Select(d => d.Id).ToList();
        if (noGold.Count > 0)
        {
            problems.Add(new(study.Location, $"Study '{study.Name}': demonstrations {ItemList(noGold)} have no valid gold answer."));
        }
    }

    /// <summary>A wrong answer to suggest, by seed: another option or label, or the gold number off by 1 to 9.</summary>
    private static string WrongAnswer(AnswerSpace space, string gold, StableRandom rng)
    {
        if (space.IsClosed)
        {
            var others = space.Options.Where(o => o != gold).ToList();
            return others[rng.Next(others.Count)];
        }

        decimal value = decimal.Parse(gold, CultureInfo.InvariantCulture);
        int delta = (1 + rng.Next(9)) * (rng.Next(2) == 0 ? 1 : -1);
        return NumberText.Canonical((value + delta).ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Turpin et al.'s "answer is always (A)": the demonstration's correct choice moved to the front.</summary>
    private static StudyItem GoldFirst(StudyItem demo, IReadOnlyList<string> labels)
    {
        int gold = AnswerSpace.For(demo, labels).Gold(demo)![0] - 'A';
        var choices = new List<string> { demo.Choices[gold] };
        choices.AddRange(demo.Choices.Where((_, i) => i != gold));
        return demo with { Choices = choices, Label = "A", Answer = null };
    }
}
