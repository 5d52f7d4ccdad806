using System.Globalization;

namespace Studies.Analysis.Diff;

/// <summary>
/// The CI gate of `studies diff --fail-on-regression X`: fails when any group's accuracy delta B − A (the point
/// estimate, not the interval) is below −X, X being a fraction of accuracy (0.05 = 5 percentage points; 0 fails on any
/// drop). A drop of exactly X passes (a 1e-12 tolerance absorbs rounding). Groups without scored pairs are ignored; a
/// diff with no scored pair at all fails, since a gate that compared nothing must not pass.
/// </summary>
public static class RegressionGate
{
    private const double Tolerance = 1e-12;

    public static GateResult Evaluate(RunDiff diff, double threshold)
    {
        ArgumentNullException.ThrowIfNull(diff);
        Validate(threshold);
        var scored = diff.Groups.Where(g => g.Scored > 0).ToList();
        string limit = Points(threshold);
        if (scored.Count == 0)
        {
            return new GateResult(false, threshold, [], "no trial could be paired with a correctness on both sides: nothing to gate on.");
        }

        var regressions = scored.Where(g => g.Delta.Estimate < -threshold - Tolerance).ToList();
        if (regressions.Count == 0)
        {
            return new GateResult(true, threshold, [], $"no group's accuracy dropped by more than {limit} ({scored.Count} groups).");
        }

        var worst = regressions.MinBy(g => g.Delta.Estimate)!;
        return new GateResult(false, threshold, regressions,
            $"{regressions.Count} of {scored.Count} groups dropped by more than {limit}; worst: {worst.Key.Label(true, !IsSameModel(worst))} {Points(worst.Delta.Estimate, signed: true)}.");
    }

    /// <summary>Reads X as written on the command line: a fraction ("0.05") or percentage points ("5%").</summary>
    public static double ParseThreshold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string trimmed = text.Trim();
        bool percent = trimmed.EndsWith('%');
        if (!double.TryParse(percent ? trimmed[..^1] : trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
        {
            throw new DiffInputException($"--fail-on-regression takes a fraction of accuracy such as 0.05, or 5%; got '{text}'.");
        }

        double threshold = percent ? value / 100 : value;
        Validate(threshold);
        return threshold;
    }

    /// <summary>Throws <see cref="DiffInputException"/> unless 0 ≤ X ≤ 1.</summary>
    public static void Validate(double threshold)
    {
        if (!(threshold >= 0 && threshold <= 1))
        {
            throw new DiffInputException(
                $"--fail-on-regression takes a fraction of accuracy between 0 and 1 (0.05, or 5%, = 5 percentage points); got {threshold.ToString(CultureInfo.InvariantCulture)}.");
        }
    }

    private static bool IsSameModel(GroupComparison g) => string.Equals(g.Key.ModelA, g.Key.ModelB, StringComparison.Ordinal);

    private static string Points(double fraction, bool signed = false) =>
        (fraction * 100).ToString(signed ? "+0.0;−0.0;0.0" : "0.0", CultureInfo.InvariantCulture) + " points";
}
