using Studies.Analysis.Metrics;

namespace Studies.Analysis.Tests.Metrics;

public class MacroF1Tests
{
    private static readonly string[] Gold = ["cat", "cat", "dog", "dog", "bird"];
    private static readonly string[] Predicted = ["cat", "dog", "dog", "dog", "cat"];

    [Fact]
    public void Mean_of_per_class_F1()
    {
        // cat:  TP 1, predicted 2, support 2 → F1 = 2·1/(2+2) = 0.5
        // dog:  TP 2, predicted 3, support 2 → F1 = 4/5 = 0.8
        // bird: TP 0, predicted 0, support 1 → F1 = 0
        // macro = 1.3 / 3
        Assert.Equal(1.3 / 3, MacroF1.Of(Predicted, Gold), 12);
    }

    [Fact]
    public void Class_without_support_or_predictions_is_excluded()
    {
        // "fish" is declared but neither gold nor predicted: excluded, same result as above.
        Assert.Equal(1.3 / 3, MacroF1.Of(Predicted, Gold, ["cat", "dog", "bird", "fish"]), 12);
    }

    [Fact]
    public void Predicted_only_class_counts_as_zero()
    {
        // a: TP 1, predicted 1, support 2 → 2/3; b: predicted 1, support 0 → 0. Macro = 1/3.
        Assert.Equal(1.0 / 3, MacroF1.Of(["a", "b"], ["a", "a"]), 12);
    }

    [Fact]
    public void Perfect_predictions_score_one()
    {
        Assert.Equal(1.0, MacroF1.Of(["x", "y", "z"], ["x", "y", "z"]));
    }

    [Fact]
    public void Empty_input_is_NaN()
    {
        Assert.True(double.IsNaN(MacroF1.Of([], [])));
        Assert.True(double.IsNaN(MacroF1.Of([], [], ["unused"])));
    }
}
