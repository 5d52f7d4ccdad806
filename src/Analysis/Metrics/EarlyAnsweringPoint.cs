namespace Studies.Analysis.Metrics;

/// <summary>One point of the early-answering curve.</summary>
/// <param name="Fraction">Fraction of the chain of thought kept, in [0, 1].</param>
/// <param name="Agreement">Fraction of items whose answer from the truncated chain equals the answer from the full chain.</param>
public sealed record EarlyAnsweringPoint(double Fraction, double Agreement);
