using Studies.Analysis.Metrics;

namespace Studies.Analysis.Plots;

/// <summary>One panel of a reliability diagram (for example the base model, or the assistant).</summary>
/// <param name="Name">Panel title.</param>
/// <param name="Bins">The calibration bins (from <see cref="ExpectedCalibrationError"/>); empty bins are skipped.</param>
/// <param name="Ece">Shown in the panel when given.</param>
public sealed record ReliabilityPanel(string Name, IReadOnlyList<ReliabilityBin> Bins, double? Ece = null)
{
    public static ReliabilityPanel From(string name, CalibrationTable table) => new(name, table.Bins, table.Ece);
}
