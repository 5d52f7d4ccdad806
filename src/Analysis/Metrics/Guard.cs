namespace Studies.Analysis.Metrics;

/// <summary>Argument checks shared by the metric and statistics functions.</summary>
internal static class Guard
{
    public static void SameLength(int a, int b, string nameA, string nameB)
    {
        if (a != b)
            throw new ArgumentException($"'{nameA}' has {a} elements but '{nameB}' has {b}; they must be paired item by item.", nameB);
    }

    public static void SameCount<TA, TB>(IReadOnlyList<TA> a, IReadOnlyList<TB> b, string nameA, string nameB)
    {
        ArgumentNullException.ThrowIfNull(a, nameA);
        ArgumentNullException.ThrowIfNull(b, nameB);
        SameLength(a.Count, b.Count, nameA, nameB);
    }

    public static void Finite(ReadOnlySpan<double> values, string name)
    {
        for (int i = 0; i < values.Length; i++)
            if (!double.IsFinite(values[i]))
                throw new ArgumentException($"'{name}'[{i}] is {values[i]}; a finite value is required.", name);
    }

    public static void Probabilities(ReadOnlySpan<double> values, string name)
    {
        for (int i = 0; i < values.Length; i++)
            if (!(values[i] >= 0.0 && values[i] <= 1.0))
                throw new ArgumentException($"'{name}'[{i}] is {values[i]}; a probability in [0, 1] is required.", name);
    }
}
