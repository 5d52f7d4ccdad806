using Studies.Analysis.Metrics;

namespace Studies.Analysis.Tests.Metrics;

public class PTrueTests
{
    [Fact]
    public void Renormalises_the_two_answers()
    {
        // .6 / (.6 + .2) = .75
        Assert.Equal(0.75, PTrue.FromLogProbs(Math.Log(0.6), Math.Log(0.2)), 12);
        Assert.Equal(0.5, PTrue.FromLogProbs(-3.0, -3.0), 12);
    }

    [Fact]
    public void Extreme_log_probs_stay_finite()
    {
        Assert.Equal(1.0, PTrue.FromLogProbs(0.0, -1000.0));
        Assert.Equal(0.0, PTrue.FromLogProbs(-1000.0, 0.0), 12);
        Assert.Equal(1.0, PTrue.FromLogProbs(-1.0, double.NegativeInfinity));
        Assert.True(double.IsNaN(PTrue.FromLogProbs(double.NegativeInfinity, double.NegativeInfinity)));
    }

    [Fact]
    public void Top_tokens_pool_variants_of_each_side()
    {
        var top = new Dictionary<string, double>
        {
            [" True"] = Math.Log(0.5),
            ["True"] = Math.Log(0.1),
            [" False"] = Math.Log(0.2),
            [" maybe"] = Math.Log(0.1),
        };
        // true .6, false .2 → .75
        Assert.Equal(0.75, PTrue.FromTopLogProbs(top)!.Value, 12);
        Assert.Equal(0.8, PTrue.FromTopLogProbs(new Dictionary<string, double> { [" Yes"] = Math.Log(0.4), [" no"] = Math.Log(0.1) })!.Value, 12);
    }

    [Fact]
    public void One_side_missing_uses_the_observed_probability()
    {
        Assert.Equal(0.7, PTrue.FromTopLogProbs(new Dictionary<string, double> { [" Yes"] = Math.Log(0.7) })!.Value, 12);
        Assert.Equal(0.7, PTrue.FromTopLogProbs(new Dictionary<string, double> { [" no"] = Math.Log(0.3) })!.Value, 12);
        Assert.Null(PTrue.FromTopLogProbs(new Dictionary<string, double> { [" Paris"] = -0.1 }));
    }

    [Fact]
    public void Custom_answer_words()
    {
        var top = new Dictionary<string, double> { ["(A)"] = Math.Log(0.3), [" (B)"] = Math.Log(0.1) };
        Assert.Equal(0.75, PTrue.FromTopLogProbs(top, ["(A)"], ["(B)"])!.Value, 12);
    }
}
