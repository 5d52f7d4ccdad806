namespace Studies.Experiments.Kinds.Scoring;

/// <summary>
/// Log-likelihoods of a closed set of answers after one prompt, with the distribution renormalized over them
/// (the probabilities contextual calibration and bias measures work with) and the argmax (first on ties).
/// </summary>
internal sealed class LabelScores
{
    public LabelScores(IReadOnlyList<double> logprobs)
    {
        if (logprobs.Count == 0 || logprobs.Any(l => !double.IsFinite(l)))
        {
            throw new InvalidOperationException($"Label log-likelihoods must be finite, got [{string.Join(", ", logprobs)}].");
        }

        Logprobs = logprobs;
        Probabilities = Softmax(logprobs);
        Best = ArgMax(logprobs);
    }

    public IReadOnlyList<double> Logprobs { get; }

    public IReadOnlyList<double> Probabilities { get; }

    public int Best { get; }

    public static double[] Softmax(IReadOnlyList<double> logprobs)
    {
        double max = logprobs.Max();
        double[] p = logprobs.Select(l => Math.Exp(l - max)).ToArray();
        double sum = p.Sum();
        for (int i = 0; i < p.Length; i++)
        {
            p[i] /= sum;
        }

        return p;
    }

    public static int ArgMax(IReadOnlyList<double> values)
    {
        int best = 0;
        for (int i = 1; i < values.Count; i++)
        {
            if (values[i] > values[best])
            {
                best = i;
            }
        }

        return best;
    }
}
