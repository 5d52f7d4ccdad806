using Studies.Analysis.Metrics;

namespace Studies.Analysis.Tests.Metrics;

public class EarlyAnsweringTests
{
    private static readonly IReadOnlyList<string?>[] Truncated =
    [
        ["A", "A", "A"],
        ["X", "B", "B"],
        ["X", "X", "C"],
        [null, "D", "D"],
    ];
    private static readonly string[] Full = ["A", "B", "C", "D"];

    [Fact]
    public void Curve_is_agreement_with_the_full_chain_answer()
    {
        var c = EarlyAnswering.Curve([0.0, 0.5, 1.0], Truncated, Full);
        Assert.Equal(new[] { 0.25, 0.75, 1.0 }, c.Select(p => p.Agreement));
        Assert.Equal(new[] { 0.0, 0.5, 1.0 }, c.Select(p => p.Fraction));
    }

    [Fact]
    public void Area_is_trapezoidal_over_zero_to_one()
    {
        // ½·(.25+.75)/2 + ½·(.75+1)/2 = .25 + .4375
        var c = EarlyAnswering.Curve([0.0, 0.5, 1.0], Truncated, Full);
        Assert.Equal(0.6875, EarlyAnswering.Area(c), 12);
    }

    [Fact]
    public void Missing_end_points_are_completed()
    {
        // Without the point at 1 it is taken as agreement 1: same area.
        Assert.Equal(0.6875, EarlyAnswering.Area([new(0.0, 0.25), new(0.5, 0.75)]), 12);
        // Held at .4 on [0, .2], then a trapezoid to (1, 1): .08 + .8·1.4/2 = .64
        Assert.Equal(0.64, EarlyAnswering.Area([new(0.2, 0.4)]), 12);
    }

    [Fact]
    public void Degenerate_and_invalid_inputs()
    {
        Assert.True(double.IsNaN(EarlyAnswering.Area([])));
        var empty = EarlyAnswering.Curve([0.0, 1.0], [], []);
        Assert.All(empty, p => Assert.True(double.IsNaN(p.Agreement)));
        Assert.Throws<ArgumentException>(() => EarlyAnswering.Curve([0.5, 0.5, 1.0], Truncated, Full));
        Assert.Throws<ArgumentException>(() => EarlyAnswering.Curve([0.0, 1.5], [["A", "A"]], ["A"]));
        Assert.Throws<ArgumentException>(() => EarlyAnswering.Curve([0.0, 0.5], Truncated, Full));
        Assert.Throws<ArgumentException>(() => EarlyAnswering.Area([new(0.5, 1.0), new(0.2, 1.0)]));
    }
}
