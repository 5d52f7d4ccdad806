using Studies.Backends;
using Studies.Experiments.Model;

namespace Studies.Experiments.Kinds;

/// <summary>
/// A study kind is the one place that knows how to build its prompts and score its trials (Inspect AI's
/// dataset + solver + scorer, in one small class per kind). The planner and scheduler know nothing of kinds beyond
/// this interface, so adding a kind touches neither them nor the backends.
/// </summary>
public interface IStudyKind
{
    /// <summary>The YAML name: icl, cot, explanations, uncertainty.</summary>
    string Name { get; }

    /// <summary>Condition types this kind accepts, for validation and "did you mean" suggestions.</summary>
    IReadOnlyList<string> ConditionTypes { get; }

    /// <summary>Checks a study's parameters and conditions; returns problems (empty when valid), never throws for user input.</summary>
    IReadOnlyList<StudyProblem> Validate(StudyDefinition study);

    /// <summary>What the backend must support for this study (checked against the model's capabilities before running).</summary>
    IReadOnlyList<RequiredCapability> Requirements(StudyDefinition study);

    /// <summary>
    /// Checks the study against its data (items, demonstration pool, model role): e.g. a condition that needs
    /// multiple-choice items, gold labels outside the label space, a pool too small for the shots. Returns problems
    /// (empty when valid), never throws for user input. <see cref="Plan"/> throws <see cref="StudyProblemsException"/>
    /// with the same problems when called on invalid input.
    /// </summary>
    IReadOnlyList<StudyProblem> ValidateData(StudyContext context) => [];

    /// <summary>
    /// Expands the study into trials for one model, deterministically: same inputs, same trials in the same order.
    /// Items and demonstrations are shared across conditions so conditions are paired item by item.
    /// </summary>
    IEnumerable<TrialPlan> Plan(StudyContext context);
}

/// <summary>Everything a kind plans from: the study, its evaluation items, its demonstration pool and the model.</summary>
public sealed record StudyContext(
    StudyDefinition Study,
    IReadOnlyList<StudyItem> Items,
    IReadOnlyList<StudyItem> DemonstrationPool,
    string ModelName,
    ModelRole Role);

/// <summary>A problem found while validating, with where it was declared.</summary>
public sealed record StudyProblem(SourceLocation Location, string Message);

/// <summary>A capability a study needs, with what to do when the backend lacks it.</summary>
public sealed record RequiredCapability(string Name, Func<BackendCapabilities, bool> IsMet, string Alternative);
