using Studies.Backends;

namespace Studies.Experiments.Kinds;

/// <summary>
/// One planned trial: a condition applied to one item for one model and seed. <see cref="Prompt"/> is the main
/// prompt (its rendering goes into the trial key, and trials are ordered by it so shared prefixes run back to back).
/// <see cref="Execute"/> makes the model calls (a trial may make several, e.g. a chain then an answer) and scores.
/// </summary>
public sealed record TrialPlan
{
    public required string Study { get; init; }

    public required string Kind { get; init; }

    public required string Condition { get; init; }

    public required string ItemId { get; init; }

    public required string Model { get; init; }

    public required int Seed { get; init; }

    public required ModelPrompt Prompt { get; init; }

    /// <summary>Condition facets for analysis (e.g. shots=8, labels=random, fraction=0.5), as strings.</summary>
    public IReadOnlyDictionary<string, string> Facets { get; init; } = new Dictionary<string, string>();

    public required Func<ILanguageModel, CancellationToken, Task<TrialOutput>> Execute { get; init; }
}
