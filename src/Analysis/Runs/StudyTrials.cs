using Studies.Experiments.Results;

namespace Studies.Analysis.Runs;

/// <summary>One study's finished trials, by model, with the condition types from the manifest.</summary>
public sealed record StudyTrials(string Study, string Kind, IReadOnlyList<ModelTrials> Models, IReadOnlyDictionary<string, string> ConditionTypes)
{
    /// <summary>The condition type (e.g. random_labels) of a condition name; the name itself when unknown.</summary>
    public string TypeOf(string condition) => ConditionTypes.GetValueOrDefault(condition, condition);

    public IEnumerable<TrialRecord> OfType(ModelTrials model, string type) => model.Trials.Where(t => TypeOf(t.Condition) == type);
}

/// <summary>The trials (status ok) of one model in one study.</summary>
public sealed record ModelTrials(string Model, string Role, IReadOnlyList<TrialRecord> Trials);
