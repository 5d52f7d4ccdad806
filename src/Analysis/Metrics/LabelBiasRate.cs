namespace Studies.Analysis.Metrics;

/// <summary>How often predictions land on a prompt-determined label, against how often that label is actually correct.</summary>
/// <param name="Rate">Fraction of counted items predicted as the target label.</param>
/// <param name="GoldRate">Fraction of counted items whose gold label is the target: what an unbiased, accurate model would show.</param>
/// <param name="Count">Items counted (items without a defined target are left out).</param>
public sealed record LabelBiasRate(double Rate, double GoldRate, int Count)
{
    /// <summary>Rate − GoldRate: positive when the model over-predicts the target label.</summary>
    public double Excess => Rate - GoldRate;
}
