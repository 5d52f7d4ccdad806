using Studies.Analysis.Runs;
using Studies.Experiments.Sweeps;

namespace Studies.Analysis.Sweeps;

/// <summary>One run of a sweep with its point and, when it has results, the summary analysis computed from them.</summary>
public sealed record SweepRunSummary(SweepPoint Point, RunProgress Progress, RunSummary? Summary);
