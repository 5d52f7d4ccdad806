using Studies.Analysis.Metrics;

namespace Studies.Analysis.Tests.Metrics;

public class PredictiveEntropyTests
{
    [Fact]
    public void Negative_mean_sequence_log_prob()
    {
        // −(−1 − 2 − 3) / 3 = 2
        Assert.Equal(2.0, PredictiveEntropy.FromSequenceLogProbs([-1.0, -2.0, -3.0]), 12);
    }

    [Fact]
    public void Length_normalised_uses_mean_token_log_prob()
    {
        // −2 over 2 tokens → −1; −6 over 3 tokens → −2; −mean = 1.5
        Assert.Equal(1.5, PredictiveEntropy.LengthNormalised([-2.0, -6.0], [2, 3]), 12);
    }

    [Fact]
    public void Degenerate_inputs()
    {
        Assert.True(double.IsNaN(PredictiveEntropy.FromSequenceLogProbs([])));
        Assert.True(double.IsNaN(PredictiveEntropy.LengthNormalised([], [])));
        Assert.Equal(0.0, PredictiveEntropy.FromSequenceLogProbs([0.0, 0.0]));
        Assert.Throws<ArgumentException>(() => PredictiveEntropy.FromSequenceLogProbs([0.5]));
        Assert.Throws<ArgumentException>(() => PredictiveEntropy.FromSequenceLogProbs([double.NaN]));
        Assert.Throws<ArgumentException>(() => PredictiveEntropy.LengthNormalised([-1.0], [0]));
        Assert.Throws<ArgumentException>(() => PredictiveEntropy.LengthNormalised([-1.0], [1, 2]));
    }
}
