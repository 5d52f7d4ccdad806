using System.Text;

namespace Studies.Experiments.Kinds.Prompting;

/// <summary>
/// Derives independent random streams from a study seed and a purpose ("demos", an item id, a demo position), with a
/// stable hash (FNV-1a, then a SplitMix64 finalizer): string.GetHashCode differs between processes, so it must not be
/// used for anything that has to be reproducible.
/// </summary>
internal static class SeedDerivation
{
    public static ulong Derive(int seed, params ReadOnlySpan<string> parts)
    {
        ulong h = 0xCBF29CE484222325UL;
        h = Mix(h, BitConverter.GetBytes(seed));
        Span<byte> buffer = stackalloc byte[256];
        foreach (string part in parts)
        {
            h = Mix(h, [0xFF]); // separator: ("ab","c") and ("a","bc") differ
            int n = Encoding.UTF8.GetByteCount(part);
            Span<byte> bytes = n > buffer.Length ? new byte[n] : buffer[..n];
            Encoding.UTF8.GetBytes(part, bytes);
            h = Mix(h, bytes);
        }

        h ^= h >> 33;
        h *= 0xFF51AFD7ED558CCDUL;
        h ^= h >> 33;
        h *= 0xC4CEB9FE1A85EC53UL;
        return h ^ (h >> 33);
    }

    public static StableRandom Random(int seed, params ReadOnlySpan<string> parts) => new(Derive(seed, parts));

    /// <summary>A sampler seed for the backend (its samples use seed, seed+1, ...).</summary>
    public static uint SamplingSeed(int seed, params ReadOnlySpan<string> parts) => (uint)(Derive(seed, parts) >> 32);

    private static ulong Mix(ulong h, ReadOnlySpan<byte> bytes)
    {
        foreach (byte b in bytes)
        {
            h = (h ^ b) * 0x100000001B3UL;
        }

        return h;
    }
}
