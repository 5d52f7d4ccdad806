namespace Studies.Analysis.Statistics;

/// <summary>McNemar's test on paired correctness.</summary>
/// <param name="OnlyA">Discordant items only condition A got right (b).</param>
/// <param name="OnlyB">Discordant items only condition B got right (c).</param>
/// <param name="PValue">Two-sided exact p-value.</param>
public sealed record McNemarResult(int OnlyA, int OnlyB, double PValue);
