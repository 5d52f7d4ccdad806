namespace Studies.Analysis.Metrics;

/// <summary>Expected calibration error together with the per-bin table it was computed from.</summary>
/// <param name="Ece">Σ_b (n_b / n)·|acc_b − conf_b|; NaN for no items.</param>
/// <param name="Bins">Bins in ascending confidence order (what a reliability diagram plots).</param>
public sealed record CalibrationTable(double Ece, IReadOnlyList<ReliabilityBin> Bins)
{
    /// <summary>Largest gap over non-empty bins (maximum calibration error); NaN when every bin is empty.</summary>
    public double MaxGap
    {
        get
        {
            double max = double.NaN;
            foreach (var b in Bins)
                if (b.Count > 0 && !(b.Gap <= max)) max = b.Gap;
            return max;
        }
    }
}
