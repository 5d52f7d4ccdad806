using Studies.Experiments.Kinds;

namespace Studies.Experiments.Sweeps;

/// <summary>The sweep's points as its files say now: the sweep file's, then each DIR/queue/*.yaml's (by file name).</summary>
public sealed record SweepSnapshot(string Name, IReadOnlyList<string> Sources, IReadOnlyList<SweepPoint> Points, IReadOnlyList<StudyProblem> Problems);
