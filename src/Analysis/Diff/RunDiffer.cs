namespace Studies.Analysis.Diff;

/// <summary>Diffs two loaded runs: match trials, compare groups, find flips, compare manifests.</summary>
public static class RunDiffer
{
    public static RunDiff Compare(RunResults a, RunResults b, DiffOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        options ??= new DiffOptions();
        var match = TrialMatcher.Match(a, b);
        return new RunDiff
        {
            A = a,
            B = b,
            Match = match,
            Groups = GroupComparer.Compare(match.Pairs, options),
            Flips = FlippedItems.Find(match.Pairs),
            ManifestDifferences = ManifestComparer.Compare(a, b, match.Pairings),
            Options = options,
        };
    }
}
