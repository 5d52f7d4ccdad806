using Studies.Experiments.Kinds;
using Studies.Experiments.Model;
using Studies.Experiments.Planning;
using Studies.Experiments.Results;

namespace Studies.Experiments.Scheduling;

/// <summary>Builds trials.jsonl records from planned trials and their outputs (dictionaries sorted by key for stable lines).</summary>
internal static class TrialRecords
{
    public static TrialRecord Ok(PlannedTrial trial, TrialOutput output, TrialTimings timings) => Base(trial, timings with { EvaluatedTokens = output.EvaluatedTokens }) with
    {
        Status = TrialStatus.Ok,
        Output = output.Output,
        Prediction = output.Prediction,
        Gold = output.Gold,
        Correct = output.Correct,
        ExtractionFailed = output.ExtractionFailed,
        Scores = Sorted(output.Scores),
        LabelLogprobs = output.LabelLogprobs,
        Tokens = output.Tokens,
        Samples = output.Samples,
        PromptTokens = output.PromptTokens,
        CompletionTokens = output.CompletionTokens,
    };

    public static TrialRecord Failed(PlannedTrial trial, Exception error, TrialTimings timings) => Base(trial, timings) with
    {
        Status = TrialStatus.Failed,
        Error = error.Message,
        ErrorType = error.GetType().Name,
    };

    private static TrialRecord Base(PlannedTrial trial, TrialTimings timings) => new()
    {
        Key = trial.Key,
        Study = trial.Study,
        Kind = trial.Kind,
        Model = trial.Model.Name,
        Role = trial.Model.Role == ModelRole.Assistant ? "assistant" : "base",
        Condition = trial.Plan.Condition,
        Facets = Sorted(trial.Plan.Facets),
        ItemId = trial.Plan.ItemId,
        Seed = trial.Plan.Seed,
        PromptHash = trial.PromptHash,
        Timings = timings,
    };

    private static IReadOnlyDictionary<string, T> Sorted<T>(IReadOnlyDictionary<string, T> map)
    {
        if (map.Count <= 1)
        {
            return map;
        }

        var sorted = new Dictionary<string, T>(map.Count, StringComparer.Ordinal);
        foreach (var (key, value) in map.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            sorted[key] = value;
        }

        return sorted;
    }
}
