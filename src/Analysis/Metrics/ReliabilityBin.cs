namespace Studies.Analysis.Metrics;

/// <summary>One bin of a reliability diagram.</summary>
/// <param name="Lower">Lower edge: the bin edge for equal-width bins, the smallest confidence in it for equal-mass bins.</param>
/// <param name="Upper">Upper edge: the bin edge for equal-width bins, the largest confidence in it for equal-mass bins.</param>
/// <param name="Count">Items in the bin.</param>
/// <param name="MeanConfidence">Mean confidence of its items; NaN for an empty bin.</param>
/// <param name="Accuracy">Fraction of its items that are correct; NaN for an empty bin.</param>
public sealed record ReliabilityBin(double Lower, double Upper, int Count, double MeanConfidence, double Accuracy)
{
    /// <summary>|accuracy − confidence|, the bin's contribution to ECE before weighting; NaN for an empty bin.</summary>
    public double Gap => Math.Abs(Accuracy - MeanConfidence);
}
