namespace Studies.Experiments.Datasets;

/// <summary>
/// A tiny seeded generator (SplitMix64) whose sequence is fixed by this code, not by the runtime: synthetic items and
/// demo/eval splits must be identical on every machine and .NET version, which System.Random does not promise.
/// </summary>
public sealed class StableRandom(ulong seed)
{
    private ulong _state = seed;

    public StableRandom(int seed, string stream)
        : this(Mix((ulong)(uint)seed, stream))
    {
    }

    public ulong NextUInt64()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A number in [0, <paramref name="maxExclusive"/>); the modulo bias is negligible for the small ranges used here.</summary>
    public int Next(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxExclusive, 1);
        return (int)(NextUInt64() % (ulong)maxExclusive);
    }

    public int Next(int minInclusive, int maxInclusive) => minInclusive + Next(maxInclusive - minInclusive + 1);

    public bool NextBool() => (NextUInt64() & 1) == 1;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>Fisher–Yates, in place.</summary>
    public void Shuffle<T>(IList<T> items)
    {
        for (int i = items.Count - 1; i > 0; i--)
        {
            int j = Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary>Derives independent streams (e.g. "items", "demos", "split") from one user seed.</summary>
    private static ulong Mix(ulong seed, string stream)
    {
        ulong h = 0xCBF29CE484222325UL; // FNV-1a of the stream name, so streams do not overlap
        foreach (char c in stream)
        {
            h = (h ^ c) * 0x100000001B3UL;
        }

        return seed * 0x9E3779B97F4A7C15UL ^ h;
    }
}
