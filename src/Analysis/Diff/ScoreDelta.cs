using Studies.Analysis.Statistics;

namespace Studies.Analysis.Diff;

/// <summary>
/// The change of one numeric score shared by both sides of a group's pairs (an uncertainty signal such as
/// semantic_entropy or p_true, the gold label's probability...): means over the pairs where both values are finite,
/// and the paired bootstrap interval of B − A.
/// </summary>
public sealed record ScoreDelta(string Name, int N, double MeanA, double MeanB, Summary Delta);
