using System.Globalization;
using Studies.Backends;
using Studies.Experiments.Kinds.Extraction;
using Studies.Experiments.Kinds.Prompting;
using Studies.Experiments.Kinds.Validation;
using Studies.Experiments.Model;

namespace Studies.Experiments.Kinds.Uncertainty;

/// <summary>
/// Uncertainty and hallucination: does the model know what it knows? One trial per question computes every signal
/// (see <see cref="UncertaintyTrial"/>); analysis judges each by how well it predicts an error. There is one
/// condition type, "default", whose parameters (samples, temperature, shots, signals) a study may vary across
/// several conditions.
/// </summary>
internal sealed class UncertaintyStudyKind : StudyKindBase<UncertaintyCondition>
{
    public override string Name => "uncertainty";

    internal override ConditionCatalog Catalog { get; } = new("uncertainty", "default",
        ["question_template", "instruction", "shots", "samples", "temperature", "signals"],
        [new("default", [])]);

    protected override UncertaintyCondition Configure(ParameterReader p, StudyDefinition study)
    {
        string template = QuestionFormat.ReadTemplate(p);

        double temperature = p.Double("temperature", 1.0, 0, 10);
        if (temperature <= 0)
        {
            p.Report("samples need a temperature above 0 (greedy samples are all the same answer).");
        }

        var signals = p.Texts("signals", UncertaintyCondition.OptionalSignals).Distinct().ToList();
        foreach (string s in signals.Where(s => !UncertaintyCondition.OptionalSignals.Contains(s)))
        {
            p.Report($"unknown signal '{s}'{NameSuggester.DidYouMean(s, UncertaintyCondition.OptionalSignals)}: signals lists the optional ones ({string.Join(", ", UncertaintyCondition.OptionalSignals)}); the sampling signals are always computed.");
        }

        return new UncertaintyCondition
        {
            Spec = p.Condition,
            Format = new QuestionFormat(template, p.Text("instruction", "")),
            Shots = [.. p.Ints("shots", [0], 0, 32).Distinct()],
            Samples = p.Int("samples", 10, 2, 1024),
            Temperature = temperature,
            Signals = [.. signals.Where(UncertaintyCondition.OptionalSignals.Contains)],
        };
    }

    protected override void CheckData(StudyContext context, IReadOnlyList<UncertaintyCondition> conditions, List<StudyProblem> problems)
    {
        var study = context.Study;
        var noGold = context.Items.Where(i => AnswerSpace.For(i, study.Labels).Gold(i) is null).Select(i => i.Id).ToList();
        if (noGold.Count > 0)
        {
            problems.Add(new(study.Location, $"Study '{study.Name}': items {ItemList(noGold)} have no valid gold answer: uncertainty signals are judged against correctness, so every item needs one."));
        }

        int maxShots = conditions.SelectMany(c => c.Shots).DefaultIfEmpty(0).Max();
        if (maxShots > 0 && context.Items.Count > 0)
        {
            int available = context.Items.Min(i => DemonstrationSampler.Available(context.DemonstrationPool, i));
            if (available < maxShots)
            {
                problems.Add(new(study.Location, $"Study '{study.Name}' asks for {maxShots} shots but the demonstration pool has {available} items besides the evaluated one: add demonstrations or lower shots."));
            }
        }
    }

    protected override IReadOnlyList<RequiredCapability> Requirements(StudyDefinition study, IReadOnlyList<UncertaintyCondition> conditions)
    {
        int samples = conditions.Select(c => c.Samples).DefaultIfEmpty(0).Max();
        var list = new List<RequiredCapability>
        {
            new($"samples>={samples}", c => c.MaxSamples >= samples, "lower samples to what the backend allows in one request"),
            new("generation_logprobs", c => c.GenerationLogprobs, "use a backend that returns token log-probabilities (predictive entropy needs them)"),
        };
        if (conditions.Any(c => c.Signals.Contains(UncertaintyCondition.PTrue)))
        {
            list.Add(new("prompt_scoring", c => c.PromptScoring, "leave p_true out of signals"));
        }

        return list;
    }

    protected override IReadOnlyList<TrialPlan> PlanTrials(StudyContext context, IReadOnlyList<UncertaintyCondition> conditions)
    {
        var study = context.Study;
        var seeds = Seeds(study);
        var samplers = seeds.ToDictionary(s => s, s => new DemonstrationSampler(context.DemonstrationPool, s));
        var trials = new List<TrialPlan>();
        foreach (var c in conditions)
        {
            foreach (int k in c.Shots)
            {
                foreach (int seed in seeds)
                {
                    foreach (var item in context.Items)
                    {
                        var space = AnswerSpace.For(item, study.Labels);
                        var demos = samplers[seed].Draw(k, item)
                            .Select(d => c.Format.Block(d) + "\n" + QuestionFormat.AnswerCue + " " + AnswerSpace.For(d, study.Labels).RenderGold(d));
                        var trial = new UncertaintyTrial
                        {
                            Item = item,
                            Prompt = c.Format.Join(demos, c.Format.Block(item) + "\n" + QuestionFormat.AnswerCue),
                            Format = c.Format,
                            Space = space,
                            Gold = space.Gold(item)!,
                            Role = context.Role,
                            MaxTokens = study.MaxTokens,
                            Samples = c.Samples,
                            Sampling = study.Sampling with
                            {
                                Temperature = (float)c.Temperature,
                                Seed = SeedDerivation.SamplingSeed(seed, "uncertainty", item.Id),
                            },
                            Signals = c.Signals,
                        };
                        var facets = new Dictionary<string, string>
                        {
                            ["shots"] = k.ToString(CultureInfo.InvariantCulture),
                            ["samples"] = c.Samples.ToString(CultureInfo.InvariantCulture),
                            ["temperature"] = c.Temperature.ToString(CultureInfo.InvariantCulture),
                            ["answer_type"] = space.Kind.ToString().ToLowerInvariant(),
                        };
                        trials.Add(Trial(context, c.Spec, item, seed, RolePrompts.Wrap(trial.Prompt, context.Role), facets, trial.ExecuteAsync));
                    }
                }
            }
        }

        return trials;
    }
}
