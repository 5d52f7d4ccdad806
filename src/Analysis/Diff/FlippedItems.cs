namespace Studies.Analysis.Diff;

/// <summary>Finds the pairs whose correctness flipped, in pair order (run A's trial order).</summary>
public static class FlippedItems
{
    public static IReadOnlyList<FlippedItem> Find(IEnumerable<TrialPair> pairs) =>
        [.. pairs
            .Where(p => p.A.Correct is { } a && p.B.Correct is { } b && a != b)
            .Select(p => new FlippedItem(p.Group, p.A.Correct == true ? FlipDirection.RightToWrong : FlipDirection.WrongToRight, p.A, p.B))];
}
