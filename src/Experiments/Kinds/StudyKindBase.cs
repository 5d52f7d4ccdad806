using Studies.Backends;
using Studies.Experiments.Kinds.Validation;
using Studies.Experiments.Model;

namespace Studies.Experiments.Kinds;

/// <summary>
/// What the four kinds share: one configuration pass (condition names, parameters) used by validation and planning
/// alike, so what validates is exactly what plans; data checks before planning; and trial assembly.
/// </summary>
/// <typeparam name="TCondition">A kind's resolved condition: its parameters read, checked and defaulted.</typeparam>
internal abstract class StudyKindBase<TCondition> : IStudyKind
{
    public abstract string Name { get; }

    public IReadOnlyList<string> ConditionTypes => Catalog.Types;

    internal abstract ConditionCatalog Catalog { get; }

    public IReadOnlyList<StudyProblem> Validate(StudyDefinition study)
    {
        var problems = new List<StudyProblem>();
        Configure(study, problems);
        return problems;
    }

    public IReadOnlyList<StudyProblem> ValidateData(StudyContext context)
    {
        var problems = new List<StudyProblem>();
        var conditions = Configure(context.Study, problems);
        if (problems.Count == 0)
        {
            CheckItems(context, problems);
            CheckData(context, conditions, problems);
        }

        return problems;
    }

    public IReadOnlyList<RequiredCapability> Requirements(StudyDefinition study) => Requirements(study, Configure(study, []));

    /// <summary>Deterministic: the same context gives the same trials in the same order.</summary>
    public IEnumerable<TrialPlan> Plan(StudyContext context)
    {
        var problems = ValidateData(context);
        if (problems.Count > 0)
        {
            throw new StudyProblemsException(problems);
        }

        return PlanTrials(context, Configure(context.Study, []));
    }

    internal IReadOnlyList<TCondition> Configure(StudyDefinition study, List<StudyProblem> problems)
    {
        Catalog.Check(study, problems);
        if (study.Seeds.Count == 0)
        {
            problems.Add(new(study.Location, $"Study '{study.Name}' has no seeds: give at least one (seeds: [0])."));
        }

        if (study.MaxTokens < 1)
        {
            problems.Add(new(study.Location, $"Study '{study.Name}': max_tokens must be at least 1, got {study.MaxTokens}."));
        }

        CheckStudy(study, problems);
        return [.. Catalog.Effective(study).Where(c => Catalog.Knows(c.Type)).Select(c => Configure(new ParameterReader(study, c, problems), study))];
    }

    /// <summary>Kind-wide checks of the study definition (label space, scoring).</summary>
    protected virtual void CheckStudy(StudyDefinition study, List<StudyProblem> problems)
    {
    }

    /// <summary>Reads and checks one condition's parameters (problems go to the reader).</summary>
    protected abstract TCondition Configure(ParameterReader parameters, StudyDefinition study);

    /// <summary>Checks items and demonstrations against what the conditions need.</summary>
    protected abstract void CheckData(StudyContext context, IReadOnlyList<TCondition> conditions, List<StudyProblem> problems);

    protected abstract IReadOnlyList<RequiredCapability> Requirements(StudyDefinition study, IReadOnlyList<TCondition> conditions);

    protected abstract IReadOnlyList<TrialPlan> PlanTrials(StudyContext context, IReadOnlyList<TCondition> conditions);

    protected TrialPlan Trial(
        StudyContext context, ConditionSpec condition, StudyItem item, int seed, ModelPrompt prompt,
        IReadOnlyDictionary<string, string> facets, Func<ILanguageModel, CancellationToken, Task<TrialOutput>> execute) =>
        new()
        {
            Study = context.Study.Name,
            Kind = Name,
            Condition = condition.Name,
            ItemId = item.Id,
            Model = context.ModelName,
            Seed = seed,
            Prompt = prompt,
            Facets = facets,
            Execute = execute,
        };

    /// <summary>"items a, b, c and 4 more" for messages about many items.</summary>
    protected static string ItemList(IEnumerable<string> ids)
    {
        var list = ids.ToList();
        return list.Count <= 5 ? string.Join(", ", list) : $"{string.Join(", ", list.Take(5))} and {list.Count - 5} more";
    }

    /// <summary>Seeds in declaration order, once each (a repeated seed would repeat trial keys).</summary>
    protected static IReadOnlyList<int> Seeds(StudyDefinition study) => [.. study.Seeds.Distinct()];

    private static void CheckItems(StudyContext context, List<StudyProblem> problems)
    {
        var study = context.Study;
        if (context.Items.Count == 0)
        {
            problems.Add(new(study.Location, $"Study '{study.Name}' has no items to evaluate: check its dataset (path, split, limit)."));
        }

        var duplicates = context.Items.GroupBy(i => i.Id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (duplicates.Count > 0)
        {
            problems.Add(new(study.Location, $"Study '{study.Name}' has repeated item ids ({ItemList(duplicates)}): ids must be unique (they are part of every trial key)."));
        }
    }
}
