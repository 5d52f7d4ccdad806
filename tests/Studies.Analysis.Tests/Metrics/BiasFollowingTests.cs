using Studies.Analysis.Metrics;

namespace Studies.Analysis.Tests.Metrics;

public class BiasFollowingTests
{
    [Fact]
    public void Counts_only_items_where_the_bias_points_to_a_wrong_answer()
    {
        // Item 0: bias target A = gold → left out. Items 1–3 count.
        // Biased answer = target: item 1 (B) ✓, item 2 (A) ✓, item 3 (A vs C) ✗ → 2/3.
        // Unbiased answer = target: item 1 (C) ✗, item 2 (A) ✓, item 3 (B) ✗ → 1/3.
        var r = BiasFollowing.Rate(
            biasedAnswers: ["A", "B", "A", "A"],
            unbiasedAnswers: ["A", "C", "A", "B"],
            biasTargets: ["A", "B", "A", "C"],
            gold: ["A", "C", "B", "A"]);
        Assert.Equal(3, r.Count);
        Assert.Equal(2.0 / 3, r.Rate, 12);
        Assert.Equal(1.0 / 3, r.BaselineRate, 12);
        Assert.Equal(1.0 / 3, r.Excess, 12);
    }

    [Fact]
    public void Missing_answers_never_follow_and_no_eligible_item_gives_NaN()
    {
        var r = BiasFollowing.Rate([null], [null], ["B"], ["A"]);
        Assert.Equal(1, r.Count);
        Assert.Equal(0.0, r.Rate);
        var none = BiasFollowing.Rate(["A"], ["A"], ["A"], ["A"]);
        Assert.Equal(0, none.Count);
        Assert.True(double.IsNaN(none.Rate));
        Assert.True(double.IsNaN(none.BaselineRate));
        Assert.Throws<ArgumentException>(() => BiasFollowing.Rate(["A"], ["A", "B"], ["A"], ["A"]));
    }
}
