namespace Studies.Experiments.Validation;

/// <summary>
/// Which studies to run and how many evaluation items each (the CLI's --study and --limit). The limit does not change
/// a run's config hash (a run limited to 5 items can later be resumed with all of them); the study filter does (the
/// hash covers the studies that run), so a subset of studies is a run of its own.
/// </summary>
public sealed record StudySelection
{
    public static StudySelection All { get; } = new();

    /// <summary>Study names to keep; empty = all.</summary>
    public IReadOnlyList<string> Studies { get; init; } = [];

    /// <summary>Caps each study's evaluation items (the smaller of this and the study's own limit wins).</summary>
    public int? Limit { get; init; }

    public bool Includes(string study) => Studies.Count == 0 || Studies.Contains(study, StringComparer.Ordinal);

    public int? LimitFor(int? studyLimit) => (studyLimit, Limit) switch
    {
        (null, var l) => l,
        (var s, null) => s,
        var (s, l) => Math.Min(s!.Value, l!.Value),
    };
}
