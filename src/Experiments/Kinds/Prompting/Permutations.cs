namespace Studies.Experiments.Kinds.Prompting;

/// <summary>Orders of the same demonstrations (Lu et al. 2022): order 0 is the drawn order, the others distinct shuffles.</summary>
internal static class Permutations
{
    /// <summary>
    /// <paramref name="count"/> distinct orders of <paramref name="k"/> positions, a pure function of the seed (and not of
    /// the items, so every item of a permutation shares its prompt prefix). Needs count &lt;= k!.
    /// </summary>
    public static IReadOnlyList<int[]> Distinct(int k, int count, int seed)
    {
        if (count > Factorial(k))
        {
            throw new ArgumentOutOfRangeException(nameof(count), $"{k} demonstrations have only {Factorial(k)} orders.");
        }

        var orders = new List<int[]> { Enumerable.Range(0, k).ToArray() };
        var rng = SeedDerivation.Random(seed, "permutations", k.ToString(System.Globalization.CultureInfo.InvariantCulture));
        while (orders.Count < count)
        {
            int[] order = Enumerable.Range(0, k).ToArray();
            rng.Shuffle(order);
            if (!orders.Any(o => o.AsSpan().SequenceEqual(order)))
            {
                orders.Add(order);
            }
        }

        return orders;
    }

    /// <summary>k!, saturating (only compared with small counts).</summary>
    public static long Factorial(int k)
    {
        long f = 1;
        for (int i = 2; i <= k && f < int.MaxValue; i++)
        {
            f *= i;
        }

        return f;
    }
}
