using Studies.Analysis.Metrics;

namespace Studies.Analysis.Tests.Metrics;

public class SelfConsistencyTests
{
    [Fact]
    public void Majority_and_agreement()
    {
        var v = SelfConsistency.Vote(["a", "b", "a", "c"]);
        Assert.NotNull(v);
        Assert.Equal("a", v.Answer);
        Assert.Equal(2, v.Votes);
        Assert.Equal(4, v.Total);
        Assert.Equal(0.5, v.Agreement);
        Assert.Equal(0.5, SelfConsistency.Agreement(["a", "b", "a", "c"]));
    }

    [Fact]
    public void Ties_go_to_the_first_appearing_answer()
    {
        // y reaches 2 votes first, but x appeared first.
        Assert.Equal("x", SelfConsistency.Vote(["x", "y", "y", "x"])!.Answer);
        // x both appears first and is not the last answer to reach the top count.
        Assert.Equal("x", SelfConsistency.Vote(["x", "y", "x", "y"])!.Answer);
        Assert.Equal(7, SelfConsistency.Vote([7, 3, 7, 3, 5])!.Answer);
    }

    [Fact]
    public void Comparer_and_unanimity()
    {
        var v = SelfConsistency.Vote(["Yes", "yes", "no"], StringComparer.OrdinalIgnoreCase)!;
        Assert.Equal("Yes", v.Answer);
        Assert.Equal(2.0 / 3, v.Agreement, 12);
        Assert.Equal(1.0, SelfConsistency.Agreement([4, 4, 4]));
    }

    [Fact]
    public void Empty_input()
    {
        Assert.Null(SelfConsistency.Vote(Array.Empty<string>()));
        Assert.True(double.IsNaN(SelfConsistency.Agreement(Array.Empty<int>())));
    }
}
