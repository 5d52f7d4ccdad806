namespace Studies.Analysis.Metrics;

/// <summary>Numerically stable log-space helpers (sequence log-probs of long answers underflow exp()).</summary>
internal static class LogMath
{
    /// <summary>log Σ exp(x_i); −∞ for no terms or all −∞.</summary>
    public static double LogSumExp(ReadOnlySpan<double> x)
    {
        double max = double.NegativeInfinity;
        foreach (double v in x)
            if (v > max) max = v;
        if (double.IsNegativeInfinity(max)) return double.NegativeInfinity;
        double sum = 0;
        foreach (double v in x) sum += Math.Exp(v - max);
        return max + Math.Log(sum);
    }

    /// <summary>log(exp(a) + exp(b)).</summary>
    public static double LogAddExp(double a, double b)
    {
        if (double.IsNegativeInfinity(a)) return b;
        if (double.IsNegativeInfinity(b)) return a;
        double max = Math.Max(a, b);
        return max + Math.Log(Math.Exp(a - max) + Math.Exp(b - max));
    }
}
