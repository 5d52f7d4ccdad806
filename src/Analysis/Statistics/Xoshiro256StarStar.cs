namespace Studies.Analysis.Statistics;

/// <summary>
/// xoshiro256** (Blackman &amp; Vigna 2018) seeded through SplitMix64: fast, small, and — unlike System.Random, whose
/// algorithm .NET does not promise to keep — the same sequence for a seed on every runtime, so bootstrap intervals
/// in saved reports stay reproducible.
/// </summary>
internal struct Xoshiro256StarStar
{
    private ulong _s0, _s1, _s2, _s3;

    public Xoshiro256StarStar(ulong seed)
    {
        // SplitMix64 spreads any seed (0 included) into a state that is never all zero.
        _s0 = SplitMix64(ref seed);
        _s1 = SplitMix64(ref seed);
        _s2 = SplitMix64(ref seed);
        _s3 = SplitMix64(ref seed);
    }

    /// <summary>Direct state, for checking against the reference implementation's published outputs.</summary>
    internal Xoshiro256StarStar(ulong s0, ulong s1, ulong s2, ulong s3) => (_s0, _s1, _s2, _s3) = (s0, s1, s2, s3);

    public ulong NextUInt64()
    {
        ulong result = unchecked(RotateLeft(_s1 * 5, 7) * 9);
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform integer in [0, bound) without modulo bias (Lemire 2019, multiply-and-reject).</summary>
    public int NextInt(int bound)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bound, 1);
        ulong b = (ulong)bound;
        UInt128 m = (UInt128)NextUInt64() * b;
        ulong low = (ulong)m;
        if (low < b)
        {
            ulong threshold = unchecked(0UL - b) % b;
            while (low < threshold)
            {
                m = (UInt128)NextUInt64() * b;
                low = (ulong)m;
            }
        }
        return (int)(ulong)(m >> 64);
    }

    internal static ulong SplitMix64(ref ulong state)
    {
        unchecked
        {
            ulong z = state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
