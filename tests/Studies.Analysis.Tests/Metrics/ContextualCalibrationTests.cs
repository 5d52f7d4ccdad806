using Studies.Analysis.Metrics;

namespace Studies.Analysis.Tests.Metrics;

public class ContextualCalibrationTests
{
    [Fact]
    public void Divides_by_the_content_free_distribution_and_renormalises()
    {
        // W·p = [.7/.8, .3/.2] = [.875, 1.5]; sum 2.375 → [7/19, 12/19]. The prediction flips from label 0 to 1.
        double[] q = ContextualCalibration.Calibrate([0.7, 0.3], [0.8, 0.2]);
        Assert.Equal(7.0 / 19, q[0], 12);
        Assert.Equal(12.0 / 19, q[1], 12);
        Assert.Equal(1, ContextualCalibration.Predict([0.7, 0.3], [0.8, 0.2]));
    }

    [Fact]
    public void Unnormalised_scores_and_uniform_content_free_are_handled()
    {
        // Scores ∝ [.7, .3] give the same result; a uniform p_cf only normalises.
        double[] q = ContextualCalibration.Calibrate([1.4, 0.6], [0.8, 0.2]);
        Assert.Equal(7.0 / 19, q[0], 12);
        double[] same = ContextualCalibration.Calibrate([2.0, 1.0, 1.0], [1.0 / 3, 1.0 / 3, 1.0 / 3]);
        Assert.Equal(new[] { 0.5, 0.25, 0.25 }, same.Select(v => Math.Round(v, 12)));
    }

    [Fact]
    public void Content_free_mean_averages_normalised_distributions()
    {
        // [.6, .2] normalises to [.75, .25]; mean with [.5, .5] → [.625, .375].
        double[] mean = ContextualCalibration.ContentFreeMean([[0.6, 0.2], [0.5, 0.5]]);
        Assert.Equal(0.625, mean[0], 12);
        Assert.Equal(0.375, mean[1], 12);
    }

    [Fact]
    public void Calibrated_accuracy_worked_example()
    {
        // p_cf = [.8, .2]. Item 1: [.875, 1.5] → 1 ✓. Item 2: [1.125, .5] → 0 ✓. Item 3: [.75, 2] → 1 ✓.
        // Uncalibrated arg-max would predict 0, 0, 0: accuracy 1/3. Calibrated: 3/3.
        double[][] items = [[0.7, 0.3], [0.9, 0.1], [0.6, 0.4]];
        Assert.Equal(1.0, ContextualCalibration.CalibratedAccuracy(items, [0.8, 0.2], [1, 0, 1]));
        Assert.Equal(2.0 / 3, ContextualCalibration.CalibratedAccuracy(items, [0.8, 0.2], [1, 0, 0]), 12);
        Assert.True(double.IsNaN(ContextualCalibration.CalibratedAccuracy([], [0.5, 0.5], [])));
    }

    [Fact]
    public void Ties_go_to_the_lowest_label()
    {
        Assert.Equal(0, ContextualCalibration.Predict([0.4, 0.6], [0.4, 0.6]));
    }

    [Fact]
    public void Invalid_vectors_throw()
    {
        Assert.Throws<ArgumentException>(() => ContextualCalibration.Calibrate([0.5, 0.5], [1.0, 0.0]));
        Assert.Throws<ArgumentException>(() => ContextualCalibration.Calibrate([0.5, 0.5], [0.5, 0.3, 0.2]));
        Assert.Throws<ArgumentException>(() => ContextualCalibration.Calibrate([0.0, 0.0], [0.5, 0.5]));
        Assert.Throws<ArgumentException>(() => ContextualCalibration.Calibrate([-0.1, 1.1], [0.5, 0.5]));
        Assert.Throws<ArgumentException>(() => ContextualCalibration.ContentFreeMean([]));
        Assert.Throws<ArgumentException>(() => ContextualCalibration.CalibratedAccuracy([[0.5, 0.5]], [0.5, 0.5], [0, 1]));
    }
}
