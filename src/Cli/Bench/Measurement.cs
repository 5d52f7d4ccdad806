using System.Globalization;

namespace Studies.Cli.Bench;

/// <summary>Repeated measurements of one quantity: mean ± sample standard deviation, as llama-bench reports them.</summary>
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

    public void Add(double value) => _values.Add(value);

    public void AddRange(IEnumerable<double> values) => _values.AddRange(values);

    /// <summary>"12,345 ± 678" with the given number of decimals.</summary>
    public string Format(int decimals = 0) => string.Create(CultureInfo.InvariantCulture,
        $"{Mean.ToString("N" + decimals, CultureInfo.InvariantCulture)} ± {StandardDeviation.ToString("N" + decimals, CultureInfo.InvariantCulture)}");
}
