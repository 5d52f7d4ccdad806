using Studies.Analysis.Metrics;

namespace Studies.Analysis.Tests.Metrics;

public class AccuracyTests
{
    [Fact]
    public void Fraction_of_correct_items()
    {
        // 3 of 4 correct.
        Assert.Equal(0.75, Accuracy.Of([true, true, false, true]));
    }

    [Fact]
    public void Empty_input_has_no_accuracy()
    {
        Assert.True(double.IsNaN(Accuracy.Of(ReadOnlySpan<bool>.Empty)));
        Assert.True(double.IsNaN(Accuracy.Of(Array.Empty<string>(), Array.Empty<string>())));
    }

    [Fact]
    public void Labels_compare_ordinally()
    {
        // "A" == "A" only; "b" != "B" (callers normalise first when they want that).
        Assert.Equal(0.5, Accuracy.Of(["A", "b"], ["A", "B"]));
    }

    [Fact]
    public void Mismatched_lengths_throw()
    {
        Assert.Throws<ArgumentException>(() => Accuracy.Of(["A"], ["A", "B"]));
    }
}
