using Studies.Analysis.Metrics;

namespace Studies.Analysis.Tests.Metrics;

public class SemanticEntropyTests
{
    [Fact]
    public void Cluster_probabilities_sum_members_and_are_renormalised()
    {
        // Cluster 0: .3 + .1 = .4; cluster 1: .2. Normalised: 2/3, 1/3.
        // SE = −(⅔ ln ⅔ + ⅓ ln ⅓) = ln 3 − ⅔ ln 2 = 0.636514168…
        double se = SemanticEntropy.FromLogProbs([0, 0, 1], [Math.Log(0.3), Math.Log(0.1), Math.Log(0.2)]);
        Assert.Equal(Math.Log(3) - 2.0 / 3 * Math.Log(2), se, 12);
        Assert.Equal(0.636514168294813, se, 12);
    }

    [Fact]
    public void One_cluster_has_zero_entropy_and_k_equal_clusters_ln_k()
    {
        Assert.Equal(0.0, SemanticEntropy.FromLogProbs([5, 5, 5], [-1.0, -7.0, -3.0]), 12);
        Assert.Equal(Math.Log(4), SemanticEntropy.FromLogProbs([0, 1, 2, 3], [-2.0, -2.0, -2.0, -2.0]), 12);
    }

    [Fact]
    public void Very_small_probabilities_do_not_underflow()
    {
        // exp(−1000) underflows to 0; log-space keeps the two clusters equal.
        Assert.Equal(Math.Log(2), SemanticEntropy.FromLogProbs([0, 1], [-1000.0, -1000.0]), 12);
        // Cluster 0 = two members at −1000 (2·e^−1000), cluster 1 = one: probabilities ⅔, ⅓.
        Assert.Equal(Math.Log(3) - 2.0 / 3 * Math.Log(2), SemanticEntropy.FromLogProbs([0, 1, 0], [-1000.0, -1000.0, -1000.0]), 12);
    }

    [Fact]
    public void Zero_probability_members_are_allowed_but_not_all()
    {
        Assert.Equal(0.0, SemanticEntropy.FromLogProbs([0, 1], [double.NegativeInfinity, -1.0]));
        Assert.Throws<ArgumentException>(() => SemanticEntropy.FromLogProbs([0, 1], [double.NegativeInfinity, double.NegativeInfinity]));
    }

    [Fact]
    public void Discrete_variant_uses_cluster_frequencies()
    {
        // p = ½, ¼, ¼ → H = ½ ln 2 + ½ ln 4 = 1.5 ln 2
        Assert.Equal(1.5 * Math.Log(2), SemanticEntropy.Discrete([0, 0, 1, 2]), 12);
        Assert.Equal(0.0, SemanticEntropy.Discrete([3, 3, 3]));
    }

    [Fact]
    public void Empty_input_is_NaN_and_bad_input_throws()
    {
        Assert.True(double.IsNaN(SemanticEntropy.FromLogProbs([], [])));
        Assert.True(double.IsNaN(SemanticEntropy.Discrete([])));
        Assert.Throws<ArgumentException>(() => SemanticEntropy.FromLogProbs([0], [0.1]));
        Assert.Throws<ArgumentException>(() => SemanticEntropy.FromLogProbs([0, 1], [-0.1]));
    }
}
