using System.Globalization;
using Studies.Backends;
using Studies.Experiments.Kinds.Prompting;
using Studies.Experiments.Kinds.Scoring;
using Studies.Experiments.Kinds.Validation;
using Studies.Experiments.Model;

namespace Studies.Experiments.Kinds.Icl;

/// <summary>
/// In-context learning: what in the demonstrations the model uses. Conditions manipulate the labels (gold, random,
/// flipped, unrelated), the inputs (out-of-distribution, format only), the order (permutations) and the number of
/// shots, and contextual calibration corrects the label bias (Zhao et al. 2021). Every condition draws the same
/// demonstrations for a given seed and shot count, so conditions are paired item by item.
/// </summary>
internal sealed class IclStudyKind : StudyKindBase<IclCondition>
{
    public static readonly IReadOnlyList<string> DefaultUnrelatedWords = ["foo", "bar", "baz", "qux", "quux", "corge", "grault", "garply", "waldo", "fred"];
    public static readonly IReadOnlyList<string> DefaultContentFree = ["N/A", "", "[MASK]"];
    public const int DefaultShots = 4;
    public const int DefaultPermutations = 4;

    public override string Name => "icl";

    internal override ConditionCatalog Catalog { get; } = new("icl", "gold", ["template", "separator", "instruction", "answer_tokens"],
    [
        new("gold", ["shots"]),
        new("random_labels", ["shots"]),
        new("flipped_labels", ["shots", "p"]),
        new("unrelated_labels", ["shots", "words"]),
        new("ood_inputs", ["shots"]),
        new("format_only", ["shots", "ablation"]),
        new("permutation", ["shots", "permutations"]),
        new("contextual_calibration", ["shots", "content_free"]),
        new("zero_shot", []),
    ]);

    protected override void CheckStudy(StudyDefinition study, List<StudyProblem> problems)
    {
        if (study.Labels.Distinct(StringComparer.OrdinalIgnoreCase).Count() < 2)
        {
            problems.Add(new(study.Location, $"Study '{study.Name}' (icl) needs a label space of at least two distinct labels (labels: [positive, negative])."));
        }
    }

    protected override IclCondition Configure(ParameterReader p, StudyDefinition study)
    {
        var spec = p.Condition;
        string text = p.Text("template", FewShotTemplate.DefaultTemplate);
        if (FewShotTemplate.Problem(text) is { } problem)
        {
            p.Report(problem);
            text = FewShotTemplate.DefaultTemplate;
        }

        var c = new IclCondition
        {
            Spec = spec,
            Template = FewShotTemplate.Create(text, p.Text("separator", FewShotTemplate.DefaultSeparator), p.Text("instruction", "")),
            Shots = spec.Type == "zero_shot" ? [0] : [.. p.Ints("shots", [DefaultShots], 0, 32).Distinct()],
            AnswerTokens = p.Int("answer_tokens", 16, 1, 1024),
        };
        switch (spec.Type)
        {
            case "random_labels":
                return c with { Labels = LabelTreatment.Random };
            case "flipped_labels":
                return c with { Labels = LabelTreatment.Flipped, FlipFractions = [.. p.Doubles("p", [1.0], 0, 1).Distinct()] };
            case "unrelated_labels":
                return c with { Labels = LabelTreatment.Unrelated, UnrelatedWords = UnrelatedWords(p, study.Labels) };
            case "ood_inputs":
                return c with { Inputs = InputTreatment.OutOfDistribution };
            case "format_only":
                string ablation = p.OneOf("ablation", "random", ["random", "no_inputs", "no_labels"]);
                return ablation switch
                {
                    "no_inputs" => c with { Ablation = ablation, Inputs = InputTreatment.None },
                    "no_labels" => c with { Ablation = ablation, Labels = LabelTreatment.None },
                    _ => c with { Ablation = ablation, Inputs = InputTreatment.Random, Labels = LabelTreatment.Random },
                };
            case "permutation":
                int n = p.Int("permutations", DefaultPermutations, 1, 1000);
                foreach (int k in c.Shots.Where(k => n > Permutations.Factorial(k)))
                {
                    p.Report($"{k} shots have only {Permutations.Factorial(k)} orders but permutations is {n}: raise shots or lower permutations.");
                }

                return c with { Permutations = n };
            case "contextual_calibration":
                if (study.Scoring != ScoringMethod.LogLikelihood)
                {
                    p.Report("contextual calibration needs label probabilities: use scoring: loglikelihood.");
                }

                return c with { ContentFree = [.. p.Texts("content_free", DefaultContentFree).Distinct()] };
            default:
                return c;
        }
    }

    protected override void CheckData(StudyContext context, IReadOnlyList<IclCondition> conditions, List<StudyProblem> problems)
    {
        var study = context.Study;
        var unlabeled = context.Items.Where(i => i.Label is null || IclDemonstrations.LabelIndex(study.Labels, i.Label) < 0).Select(i => i.Id).ToList();
        if (unlabeled.Count > 0)
        {
            problems.Add(new(study.Location, $"Study '{study.Name}': items {ItemList(unlabeled)} have no label in the label space [{string.Join(", ", study.Labels)}]: fix the dataset's label field mapping or the study's labels."));
        }

        int maxShots = conditions.SelectMany(c => c.Shots).DefaultIfEmpty(0).Max();
        if (maxShots == 0 || context.Items.Count == 0)
        {
            return;
        }

        var badDemos = context.DemonstrationPool.Where(i => i.Label is null || IclDemonstrations.LabelIndex(study.Labels, i.Label) < 0).Select(i => i.Id).ToList();
        if (badDemos.Count > 0)
        {
            problems.Add(new(study.Location, $"Study '{study.Name}': demonstrations {ItemList(badDemos)} have no label in the label space [{string.Join(", ", study.Labels)}]."));
        }

        int available = context.Items.Min(i => DemonstrationSampler.Available(context.DemonstrationPool, i));
        if (available < maxShots)
        {
            problems.Add(new(study.Location, $"Study '{study.Name}' asks for {maxShots} shots but the demonstration pool has only {available} items besides the evaluated one: add demonstrations or lower shots."));
        }
    }

    protected override IReadOnlyList<RequiredCapability> Requirements(StudyDefinition study, IReadOnlyList<IclCondition> conditions) =>
        study.Scoring == ScoringMethod.LogLikelihood
            ? [new RequiredCapability("prompt_scoring", c => c.PromptScoring, "use scoring: generation (contextual_calibration needs log-likelihoods)")]
            : [];

    protected override IReadOnlyList<TrialPlan> PlanTrials(StudyContext context, IReadOnlyList<IclCondition> conditions)
    {
        var study = context.Study;
        var labels = study.Labels;
        var seeds = Seeds(study);
        var samplers = seeds.ToDictionary(s => s, s => new DemonstrationSampler(context.DemonstrationPool, s));
        var shared = new SharedCalls();
        var texts = new Dictionary<string, string>(StringComparer.Ordinal); // one copy of each content-free prompt, however many items share it
        var trials = new List<TrialPlan>();
        foreach (var c in conditions)
        {
            foreach (int k in c.Shots)
            {
                foreach (int seed in seeds)
                {
                    foreach (var (variant, order, flip) in Variants(c, k, seed))
                    {
                        foreach (var item in context.Items)
                        {
                            var shown = IclDemonstrations.Apply(c, samplers[seed].Draw(k, item), labels, seed, order, flip);
                            var pairs = shown.Select(d => (d.Input, d.Label)).ToList();
                            var trial = new IclTrial
                            {
                                Prompt = c.Template.Prompt(pairs, item.Input),
                                Role = context.Role,
                                Scoring = study.Scoring,
                                Gap = c.Template.Gap,
                                Labels = labels,
                                Answers = c.Labels == LabelTreatment.Unrelated ? c.UnrelatedWords : labels,
                                GoldIndex = IclDemonstrations.LabelIndex(labels, item.Label!),
                                MajorityIndex = IclDemonstrations.Majority(shown),
                                RecencyIndex = IclDemonstrations.Recency(shown),
                                ContentFreePrompts = [.. c.ContentFree.Select(cf => Intern(texts, c.Template.Prompt(pairs, cf)))],
                                Shared = shared,
                                MaxTokens = c.AnswerTokens,
                                Sampling = study.Sampling with { Seed = SeedDerivation.SamplingSeed(seed, "icl", item.Id) },
                            };
                            foreach (string cf in trial.ContentFreePrompts)
                            {
                                shared.Expect(trial.ContentFreeKey(cf));
                            }

                            var facets = Facets(c, k, variant, labels, trial);
                            trials.Add(Trial(context, c.Spec, item, seed, RolePrompts.Wrap(trial.Prompt, context.Role), facets, trial.ExecuteAsync));
                        }
                    }
                }
            }
        }

        return trials;
    }

    /// <summary>The trials per item a condition makes at one shot count: flip fractions, orders, or just one.</summary>
    private static IEnumerable<(IReadOnlyDictionary<string, string> Facets, int[]? Order, double Flip)> Variants(IclCondition c, int k, int seed)
    {
        if (c.Labels == LabelTreatment.Flipped)
        {
            return c.FlipFractions.Select(p => ((IReadOnlyDictionary<string, string>)new Dictionary<string, string> { ["flip"] = Invariant(p) }, (int[]?)null, p));
        }

        if (c.Spec.Type == "permutation")
        {
            return Permutations.Distinct(k, c.Permutations, seed)
                .Select((o, i) => ((IReadOnlyDictionary<string, string>)new Dictionary<string, string> { ["perm"] = Invariant(i) }, (int[]?)o, 0.0));
        }

        return [(new Dictionary<string, string>(), null, 0.0)];
    }

    private static Dictionary<string, string> Facets(IclCondition c, int k, IReadOnlyDictionary<string, string> variant, IReadOnlyList<string> labels, IclTrial trial)
    {
        var facets = new Dictionary<string, string>
        {
            ["shots"] = Invariant(k),
            ["labels"] = c.Labels switch
            {
                LabelTreatment.Random => "random",
                LabelTreatment.Flipped => "flipped",
                LabelTreatment.Unrelated => "unrelated",
                LabelTreatment.None => "none",
                _ => "gold",
            },
            ["inputs"] = c.Inputs switch
            {
                InputTreatment.OutOfDistribution => "ood",
                InputTreatment.Random => "random",
                InputTreatment.None => "none",
                _ => "gold",
            },
        };
        foreach (var (key, value) in variant)
        {
            facets[key] = value;
        }

        if (c.Ablation is not null)
        {
            facets["ablation"] = c.Ablation;
        }

        if (c.ContentFree.Count > 0)
        {
            facets["calibration"] = "contextual";
        }

        facets["demo_majority"] = k == 0 ? "none" : trial.MajorityIndex is { } m ? labels[m] : "tie";
        facets["demo_recency"] = trial.RecencyIndex is { } r ? labels[r] : "none";
        return facets;
    }

    /// <summary>The unrelated word for each label: distinct, and none of them a label itself.</summary>
    private static IReadOnlyList<string> UnrelatedWords(ParameterReader p, IReadOnlyList<string> labels)
    {
        var words = p.Texts("words", DefaultUnrelatedWords);
        if (words.Count < labels.Count)
        {
            p.Report($"words needs one word per label ({labels.Count}), got {words.Count}.");
            return [.. DefaultUnrelatedWords.Take(labels.Count)];
        }

        words = [.. words.Take(labels.Count)];
        if (words.Any(w => w.Trim().Length == 0) || words.Distinct(StringComparer.OrdinalIgnoreCase).Count() < words.Count
            || words.Any(w => labels.Contains(w, StringComparer.OrdinalIgnoreCase)))
        {
            p.Report($"words must be distinct, non-empty and unlike the labels, got [{string.Join(", ", words)}].");
        }

        return words;
    }

    private static string Intern(Dictionary<string, string> texts, string text) =>
        texts.TryGetValue(text, out string? existing) ? existing : texts[text] = text;

    private static string Invariant(IFormattable value) => value.ToString(null, CultureInfo.InvariantCulture);
}
