using Studies.Experiments.Kinds;
using Studies.Experiments.Models;

namespace Studies.Experiments.Planning;

/// <summary>A trial of the plan: the kind's <see cref="TrialPlan"/>, the model it runs on and its stable key.</summary>
public sealed class PlannedTrial
{
    public required TrialPlan Plan { get; init; }

    public required LoadedModel Model { get; init; }

    public required string Key { get; init; }

    public required string Study { get; init; }

    public required string Kind { get; init; }

    /// <summary>The main prompt exactly as the model sees it (chat template applied).</summary>
    public required string RenderedPrompt { get; init; }

    public required string PromptHash { get; init; }
}
