using Studies.Experiments.Model;

namespace Studies.Experiments.Kinds.Prompting;

/// <summary>
/// Draws demonstrations from the pool by seed. One shuffled order per seed is shared by every item, condition and
/// shot count, so (a) conditions are paired on the same demonstrations, (b) k demonstrations are the first k of that
/// order (4 shots are a prefix of 8 shots), and (c) items share one prompt prefix that the backend evaluates once.
/// The evaluated item is never its own demonstration: it is skipped and the next one in the order takes its place.
/// </summary>
internal sealed class DemonstrationSampler
{
    private readonly IReadOnlyList<StudyItem> _order;

    public DemonstrationSampler(IReadOnlyList<StudyItem> pool, int seed)
    {
        var order = pool.ToList();
        SeedDerivation.Random(seed, "demonstrations").Shuffle(order);
        _order = order;
    }

    /// <summary>The pool items that can serve as demonstrations for <paramref name="item"/>, at most.</summary>
    public static int Available(IReadOnlyList<StudyItem> pool, StudyItem item) => pool.Count(d => !IsSame(d, item));

    public IReadOnlyList<StudyItem> Draw(int k, StudyItem item)
    {
        var demos = new List<StudyItem>(k);
        foreach (var d in _order)
        {
            if (demos.Count == k)
            {
                break;
            }

            if (!IsSame(d, item))
            {
                demos.Add(d);
            }
        }

        if (demos.Count < k)
        {
            throw new InvalidOperationException($"The demonstration pool has {demos.Count} items besides '{item.Id}' but {k} shots were asked for (validation should have caught this).");
        }

        return demos;
    }

    // The same question under another id (a dataset split overlap) would leak the answer too.
    private static bool IsSame(StudyItem demo, StudyItem item) =>
        demo.Id == item.Id || string.Equals(demo.Input, item.Input, StringComparison.Ordinal);
}
