namespace Studies.Analysis.Metrics;

/// <summary>P(True) self-evaluation (Kadavath et al. 2022): the model's probability that a proposed answer is correct.</summary>
public static class PTrue
{
    private static readonly string[] DefaultTrue = ["true", "yes"];
    private static readonly string[] DefaultFalse = ["false", "no"];

    /// <summary>
    /// p = e^lt / (e^lt + e^lf) = σ(lt − lf): the two answers' probabilities renormalised between themselves,
    /// since the rest of the vocabulary is not an answer. NaN when both are −∞.
    /// </summary>
    public static double FromLogProbs(double logProbTrue, double logProbFalse)
    {
        if (double.IsNaN(logProbTrue) || double.IsNaN(logProbFalse)) throw new ArgumentException("Log-probabilities must not be NaN.");
        if (double.IsNegativeInfinity(logProbTrue) && double.IsNegativeInfinity(logProbFalse)) return double.NaN;
        double d = logProbTrue - logProbFalse;
        // Two branches of the logistic so exp never overflows.
        return d >= 0 ? 1.0 / (1.0 + Math.Exp(-d)) : Math.Exp(d) / (1.0 + Math.Exp(d));
    }

    /// <summary>
    /// P(True) from the top-k alternatives of the first answer token. A token counts for a side when its trimmed
    /// text equals one of that side's words, ignoring case (defaults: "true"/"yes" and "false"/"no"), so " True",
    /// "True" and " yes" pool their probability (log-sum-exp). When only one side appears in the top-k, the other's
    /// probability is unknown but small, so the observed side's own probability is used (p = e^lt, or 1 − e^lf)
    /// instead of a renormalised 1 or 0. Null when neither side appears.
    /// </summary>
    public static double? FromTopLogProbs(
        IEnumerable<KeyValuePair<string, double>> topLogProbs,
        IReadOnlyCollection<string>? trueWords = null,
        IReadOnlyCollection<string>? falseWords = null)
    {
        ArgumentNullException.ThrowIfNull(topLogProbs);
        trueWords ??= DefaultTrue;
        falseWords ??= DefaultFalse;
        double lt = double.NegativeInfinity, lf = double.NegativeInfinity;
        bool sawTrue = false, sawFalse = false;
        foreach (var (token, logProb) in topLogProbs)
        {
            string word = token.Trim();
            if (Matches(word, trueWords)) { lt = LogMath.LogAddExp(lt, logProb); sawTrue = true; }
            else if (Matches(word, falseWords)) { lf = LogMath.LogAddExp(lf, logProb); sawFalse = true; }
        }
        if (sawTrue && sawFalse) return FromLogProbs(lt, lf);
        if (sawTrue) return Math.Min(1.0, Math.Exp(lt));
        if (sawFalse) return Math.Max(0.0, 1.0 - Math.Exp(lf));
        return null;
    }

    private static bool Matches(string word, IReadOnlyCollection<string> words)
    {
        foreach (string w in words)
            if (string.Equals(word, w, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }
}
