namespace Studies.Analysis.TokenShift;

/// <summary>Turns per-prompt ranks into the report's summaries (pure: no models, so it is tested on its own).</summary>
public static class TokenShiftAggregator
{
    private const int TargetBuckets = 10;

    public static TokenShiftReport Aggregate(
        string baseModel,
        string assistantModel,
        int maxTokens,
        IReadOnlyList<TokenShiftPromptResult> prompts,
        TokenShiftOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(prompts);
        options ??= TokenShiftOptions.Default;
        var counts = prompts.Select(p => p.Counts).ToArray();
        var overall = counts.Aggregate(ShiftCounts.Zero, (a, b) => a + b);

        int longest = prompts.Select(p => p.Tokens.Count).DefaultIfEmpty(0).Max();
        int width = options.PositionBucketWidth > 0 ? options.PositionBucketWidth : Math.Max(1, (longest + TargetBuckets - 1) / TargetBuckets);
        var byPosition = new List<PositionShift>();
        for (int first = 1; first <= longest; first += width)
        {
            int last = first + width - 1;
            var bucket = prompts.Select(p => p.Tokens.Where(t => t.Position >= first && t.Position <= last)
                .Aggregate(ShiftCounts.Zero, (c, t) => c.Add(t.Category))).ToArray();
            byPosition.Add(new PositionShift(first, last, bucket.Aggregate(ShiftCounts.Zero, (a, b) => a + b), ShiftFractionEstimator.Estimate(bucket, options)));
        }

        return new TokenShiftReport(
            baseModel,
            assistantModel,
            maxTokens,
            overall,
            ShiftFractionEstimator.Estimate(counts, options),
            width,
            byPosition,
            MostShifted(prompts, options.TopShiftedTokens),
            prompts);
    }

    private static IReadOnlyList<ShiftedToken> MostShifted(IReadOnlyList<TokenShiftPromptResult> prompts, int top) =>
        prompts.SelectMany(p => p.Tokens)
            .GroupBy(t => t.TokenId)
            .Select(g =>
            {
                var shifted = g.Where(t => t.Category == TokenShiftCategory.Shifted).ToArray();
                string preferred = shifted.GroupBy(t => t.BaseTopToken, StringComparer.Ordinal)
                    .OrderByDescending(h => h.Count()).ThenBy(h => h.Key, StringComparer.Ordinal)
                    .Select(h => h.Key).FirstOrDefault() ?? "";
                return new ShiftedToken(g.Key, g.First().Token, shifted.Length, g.Count(), Median(g.Select(t => t.BaseRank)), preferred);
            })
            .Where(t => t.ShiftedCount > 0)
            .OrderByDescending(t => t.ShiftedCount)
            .ThenByDescending(t => t.ShiftedFraction)
            .ThenBy(t => t.TokenId)
            .Take(Math.Max(0, top))
            .ToArray();

    private static double Median(IEnumerable<int> values)
    {
        var sorted = values.Order().ToArray();
        int n = sorted.Length;
        return n == 0 ? double.NaN : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }
}
