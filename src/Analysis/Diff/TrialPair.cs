using Studies.Experiments.Results;

namespace Studies.Analysis.Diff;

/// <summary>The same trial (study, condition, facets, item, seed) finished ok in both runs, by a pair of models.</summary>
public sealed record TrialPair(DiffGroupKey Group, TrialRecord A, TrialRecord B);
