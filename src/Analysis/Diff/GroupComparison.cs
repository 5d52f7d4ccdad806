using Studies.Analysis.Statistics;

namespace Studies.Analysis.Diff;

/// <summary>
/// One group's comparison. Accuracy is over the pairs where both sides have a correctness (<see cref="Scored"/>);
/// <see cref="Delta"/> is accuracy B − A with a paired bootstrap interval that resamples items (all seeds and facet
/// variants of an item move together; its N is the item count); <see cref="McNemar"/> is the exact test on the
/// discordant pairs and <see cref="HolmPValue"/> its Holm adjustment over all groups with scored pairs.
/// </summary>
public sealed record GroupComparison
{
    public required DiffGroupKey Key { get; init; }

    /// <summary>Pairs in the group (both sides ok).</summary>
    public int Pairs { get; init; }

    /// <summary>Pairs with a correctness on both sides.</summary>
    public int Scored { get; init; }

    public double AccuracyA { get; init; } = double.NaN;

    public double AccuracyB { get; init; } = double.NaN;

    public required Summary Delta { get; init; }

    public required McNemarResult McNemar { get; init; }

    public double HolmPValue { get; init; } = double.NaN;

    /// <summary>Pairs whose output text or extracted prediction differs, whether or not correctness changed.</summary>
    public int OutputsChanged { get; init; }

    public IReadOnlyList<ScoreDelta> Scores { get; init; } = [];

    /// <summary>Pairs right in A and wrong in B.</summary>
    public int RightToWrong => McNemar.OnlyA;

    /// <summary>Pairs wrong in A and right in B.</summary>
    public int WrongToRight => McNemar.OnlyB;
}
