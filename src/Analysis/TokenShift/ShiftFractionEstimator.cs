using Studies.Analysis.Statistics;

namespace Studies.Analysis.TokenShift;

/// <summary>
/// Category shares pooled over prompts (tokens / tokens) with a cluster bootstrap: prompts are resampled whole, since
/// the tokens of one answer share a context and are far from independent.
/// </summary>
internal static class ShiftFractionEstimator
{
    public static ShiftFractions Estimate(IReadOnlyList<ShiftCounts> perPrompt, TokenShiftOptions options)
    {
        var clusters = perPrompt.Where(c => c.Total > 0).ToArray();
        var total = clusters.Aggregate(ShiftCounts.Zero, (a, b) => a + b);
        return new ShiftFractions(
            Share(clusters, TokenShiftCategory.Unshifted, options),
            Share(clusters, TokenShiftCategory.Marginal, options),
            Share(clusters, TokenShiftCategory.Shifted, options),
            total.Total);
    }

    private static Summary Share(ShiftCounts[] clusters, TokenShiftCategory category, TokenShiftOptions options)
    {
        var summary = Bootstrap.PercentileInterval(clusters.Length, items =>
        {
            long hits = 0, tokens = 0;
            foreach (int i in items)
            {
                hits += clusters[i][category];
                tokens += clusters[i].Total;
            }

            return tokens == 0 ? double.NaN : (double)hits / tokens;
        }, options.BootstrapSeed + (ulong)category, options.BootstrapResamples);

        // One answer cannot show how answers vary: resampling it gives a zero-width interval, which would overstate certainty.
        return clusters.Length < 2 ? summary with { Lower = double.NaN, Upper = double.NaN } : summary;
    }
}
