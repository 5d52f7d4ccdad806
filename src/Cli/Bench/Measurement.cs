using System.Globalization;

namespace Studies.Cli.Bench;

/// <summary>
/// Repeated measurements of one quantity: mean ± sample standard deviation, as llama-bench reports them, and the
/// median, which ratios use: on a shared machine other processes only ever slow a repetition down, and the median
/// is what a burst of their load moves least.
/// </summary>
internal sealed class Measurement
{
    private readonly List<double> _values = [];

    public int Count => _values.Count;

    public double Mean => _values.Count == 0 ? double.NaN : _values.Average();

    public double StandardDeviation
    {
        get
        {
            if (_values.Count < 2)
            {
                return 0;
            }

            double mean = Mean;
            return Math.Sqrt(_values.Sum(v => (v - mean) * (v - mean)) / (_values.Count - 1));
        }
    }

    public double Median
    {
        get
        {
            if (_values.Count == 0)
            {
                return double.NaN;
            }

            var sorted = _values.Order().ToArray();
            int mid = sorted.Length / 2;
            return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        }
    }

    public void Add(double value) => _values.Add(value);

    public void AddRange(IEnumerable<double> values) => _values.AddRange(values);

    /// <summary>"12,345 ± 678 (median 12,400)" with the given number of decimals.</summary>
    public string Format(int decimals = 0)
    {
        string f = "N" + decimals.ToString(CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture,
            $"{Mean.ToString(f, CultureInfo.InvariantCulture)} ± {StandardDeviation.ToString(f, CultureInfo.InvariantCulture)} (median {Median.ToString(f, CultureInfo.InvariantCulture)})");
    }
}
