using Studies.Analysis.TokenShift;
using Studies.Backends;

namespace Studies.Analysis.Tests.TokenShift;

public sealed class TokenShiftAggregatorTests
{
    [Theory]
    [InlineData(1, TokenShiftCategory.Unshifted)]
    [InlineData(2, TokenShiftCategory.Marginal)]
    [InlineData(3, TokenShiftCategory.Marginal)]
    [InlineData(4, TokenShiftCategory.Shifted)]
    [InlineData(500, TokenShiftCategory.Shifted)]
    public void Ranks_are_classified_with_urials_thresholds(int rank, TokenShiftCategory expected) =>
        Assert.Equal(expected, TokenShiftClassifier.Classify(rank));

    [Fact]
    public void Rank_zero_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => TokenShiftClassifier.Classify(0));

    [Fact]
    public void Aggregation_counts_buckets_and_ranks_shifted_tokens()
    {
        // Prompt 0: ranks 1, 5, 2, 9 on tokens a, b, a, b. Prompt 1: ranks 1, 1, 7 on tokens a, c, b.
        var prompts = new[]
        {
            Prompt(0, (10, "a", 1, "a"), (11, "b", 5, "x"), (10, "a", 2, "y"), (11, "b", 9, "x")),
            Prompt(1, (10, "a", 1, "a"), (12, "c", 1, "c"), (11, "b", 7, "z")),
            Prompt(2),
        };
        var report = TokenShiftAggregator.Aggregate("base", "chat", 16, prompts, new TokenShiftOptions { PositionBucketWidth = 2, TopShiftedTokens = 5 });

        Assert.Equal(new ShiftCounts(3, 1, 3), report.Counts);
        Assert.Equal(3.0 / 7, report.Fractions.Unshifted.Estimate, 12);
        Assert.Equal(1.0 / 7, report.Fractions.Marginal.Estimate, 12);
        Assert.Equal(3.0 / 7, report.Fractions.Shifted.Estimate, 12);
        Assert.Equal(2, report.Fractions.Unshifted.N); // two non-empty answers: the bootstrap resamples prompts

        Assert.Equal(2, report.PositionBucketWidth);
        Assert.Equal([(1, 2), (3, 4)], report.ByPosition.Select(b => (b.First, b.Last)));
        Assert.Equal(new ShiftCounts(3, 0, 1), report.ByPosition[0].Counts);
        Assert.Equal(new ShiftCounts(0, 1, 2), report.ByPosition[1].Counts);

        var top = Assert.Single(report.TopShiftedTokens);
        Assert.Equal((11, "b", 3, 3), (top.TokenId, top.Token, top.ShiftedCount, top.Occurrences));
        Assert.Equal(7, top.MedianBaseRank);
        Assert.Equal("x", top.BasePreferred);
    }

    [Fact]
    public void Automatic_buckets_give_about_ten_over_the_longest_answer()
    {
        var tokens = Enumerable.Range(0, 45).Select(i => (1, "t", 1, "t")).ToArray();
        var report = TokenShiftAggregator.Aggregate("b", "a", 64, [Prompt(0, tokens)]);
        Assert.Equal(5, report.PositionBucketWidth);
        Assert.Equal(9, report.ByPosition.Count);
        Assert.Equal(45, report.ByPosition[^1].Last);

        // A single answer gives an estimate but no interval (a bootstrap over one cluster would claim zero width).
        Assert.Equal(1.0, report.Fractions.Unshifted.Estimate);
        Assert.True(double.IsNaN(report.Fractions.Unshifted.Lower) && double.IsNaN(report.Fractions.Unshifted.Upper));
    }

    [Fact]
    public void No_tokens_gives_nan_fractions_not_a_crash()
    {
        var report = TokenShiftAggregator.Aggregate("b", "a", 8, [Prompt(0)]);
        Assert.Equal(0, report.Counts.Total);
        Assert.True(double.IsNaN(report.Fractions.Unshifted.Estimate));
        Assert.Empty(report.ByPosition);
        Assert.NotNull(TokenShiftAnalyzer.ToReportSection(report));
    }

    [Fact]
    public void Token_text_shows_whitespace()
    {
        Assert.Equal("“␣the”", TokenText.Display(" the"));
        Assert.Equal("“↵”", TokenText.Display("\n"));
        Assert.Equal("“\"”", TokenText.Display("\""));
    }

    private static TokenShiftPromptResult Prompt(int index, params (int Id, string Text, int Rank, string Top)[] tokens) =>
        new(index, "ctx", string.Concat(tokens.Select(t => t.Text)), FinishReason.Stop,
            tokens.Select((t, i) => new TokenShiftPosition(i + 1, t.Id, t.Text, t.Rank, -1.0, -0.5, t.Top)).ToArray());
}
