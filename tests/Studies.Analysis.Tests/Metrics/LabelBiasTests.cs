using Studies.Analysis.Metrics;

namespace Studies.Analysis.Tests.Metrics;

public class LabelBiasTests
{
    private static readonly IReadOnlyList<string>[] Demos =
    [
        ["P", "P", "N"], // majority P, last N
        ["P", "N", "N"], // majority N, last N
        ["P", "N"],      // no majority,  last N
        ["N", "N", "P"], // majority N, last P
    ];
    private static readonly string[] Predicted = ["P", "N", "P", "P"];
    private static readonly string[] Gold = ["N", "P", "N", "N"];

    [Fact]
    public void Majority_label_bias()
    {
        // Item 2 has no majority and is left out. Targets P, N, N.
        // Predicted = target: item 0 ✓, item 1 ✓, item 3 ✗ → 2/3. Gold = target: only item 3 → 1/3.
        var m = LabelBias.Majority(Predicted, Gold, Demos);
        Assert.Equal(3, m.Count);
        Assert.Equal(2.0 / 3, m.Rate, 12);
        Assert.Equal(1.0 / 3, m.GoldRate, 12);
        Assert.Equal(1.0 / 3, m.Excess, 12);
    }

    [Fact]
    public void Recency_bias()
    {
        // Targets N, N, N, P. Predicted = target: items 1, 3 → 2/4. Gold = target: items 0, 2 → 2/4.
        var r = LabelBias.Recency(Predicted, Gold, Demos);
        Assert.Equal(4, r.Count);
        Assert.Equal(0.5, r.Rate);
        Assert.Equal(0.5, r.GoldRate);
        Assert.Equal(0.0, r.Excess);
    }

    [Fact]
    public void Items_without_a_target_are_left_out_and_missing_predictions_never_match()
    {
        IReadOnlyList<string>[] demos = [[], ["A", "B"]];
        var m = LabelBias.Majority(["A", "A"], ["A", "B"], demos);
        Assert.Equal(0, m.Count);
        Assert.True(double.IsNaN(m.Rate));
        var r = LabelBias.Recency([null, null], ["A", "B"], demos);
        Assert.Equal(1, r.Count);
        Assert.Equal(0.0, r.Rate);
        Assert.Equal(1.0, r.GoldRate);
    }
}
