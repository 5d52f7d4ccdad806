using Studies.Analysis.Metrics;

namespace Studies.Analysis.Tests.Metrics;

public class AurocTests
{
    [Fact]
    public void Matches_the_scikit_learn_documentation_example()
    {
        // sklearn roc_auc_score docs: y [0,0,1,1], scores [.1,.4,.35,.8] → 0.75
        // (pairs: .35>.1 ✓, .35>.4 ✗, .8>.1 ✓, .8>.4 ✓ → 3/4)
        Assert.Equal(0.75, Auroc.Of([0.1, 0.4, 0.35, 0.8], [false, false, true, true]), 12);
    }

    [Fact]
    public void Ties_count_one_half()
    {
        // positives {.5,.9} vs negatives {.1,.5}: 1 + ½ + 1 + 1 = 3.5 of 4 pairs.
        Assert.Equal(0.875, Auroc.Of([0.1, 0.5, 0.5, 0.9], [false, true, false, true]), 12);
        Assert.Equal(0.5, Auroc.Of([0.5, 0.5], [true, false]));
    }

    [Fact]
    public void All_equal_scores_give_one_half()
    {
        Assert.Equal(0.5, Auroc.Of([0.3, 0.3, 0.3, 0.3, 0.3], [true, false, false, true, false]), 12);
    }

    [Fact]
    public void Perfect_and_inverted_rankings()
    {
        Assert.Equal(1.0, Auroc.Of([0.1, 0.2, 0.8, 0.9], [false, false, true, true]));
        Assert.Equal(0.0, Auroc.Of([0.9, 0.8, 0.2, 0.1], [false, false, true, true]));
    }

    [Fact]
    public void One_class_or_empty_input_is_NaN()
    {
        Assert.True(double.IsNaN(Auroc.Of([0.1, 0.9], [true, true])));
        Assert.True(double.IsNaN(Auroc.Of([0.1, 0.9], [false, false])));
        Assert.True(double.IsNaN(Auroc.Of([], [])));
    }

    [Fact]
    public void Agrees_with_brute_force_pair_counting_on_random_tied_data()
    {
        var rng = new Random(7);
        for (int trial = 0; trial < 20; trial++)
        {
            int n = 5 + rng.Next(60);
            // Scores on a coarse grid so ties are common.
            double[] s = Enumerable.Range(0, n).Select(_ => rng.Next(6) / 5.0).ToArray();
            bool[] y = Enumerable.Range(0, n).Select(i => i == 0 || (i != 1 && rng.Next(2) == 0)).ToArray();
            double wins = 0;
            int pairs = 0;
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++)
                    if (y[i] && !y[j])
                    {
                        pairs++;
                        wins += s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
                    }
            Assert.Equal(wins / pairs, Auroc.Of(s, y), 12);
        }
    }

    [Fact]
    public void Non_finite_scores_throw()
    {
        Assert.Throws<ArgumentException>(() => Auroc.Of([double.NaN, 0.2], [true, false]));
        Assert.Throws<ArgumentException>(() => Auroc.Of([0.1], [true, false]));
    }
}
