using Studies.Experiments.Model;
using Studies.Experiments.Yaml;

namespace Studies.Experiments.Sweeps;

/// <summary>A parameter axis: sampling (temperature, top_k, ...), a study key (max_tokens, limit, ...), a kind parameter (shots, samples, ...) or a dotted path.</summary>
public sealed record SweepAxis(string Name, IReadOnlyList<ConfigScalar> Values, SourceLocation Location);
