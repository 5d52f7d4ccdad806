using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Studies.Experiments.Planning;

/// <summary>
/// Stable trial keys: sha256 over (model sha256, model name, study, condition, item id, seed, facets sorted by name,
/// rendered prompt), fields separated by control characters that never occur in them, first 128 bits in hex. The
/// same trial gets the same key on every machine and run, which is what resume and run diffs join on.
/// </summary>
public static class TrialKey
{
    private const char Field = '\u001F';
    private const char Pair = '\u001E';

    public static string Compute(string? modelSha256, string model, string study, string condition, string itemId, int seed,
        IReadOnlyDictionary<string, string> facets, string renderedPrompt)
    {
        var sb = new StringBuilder(renderedPrompt.Length + 256);
        sb.Append("trial-v1").Append(Field)
            .Append(modelSha256).Append(Field)
            .Append(model).Append(Field)
            .Append(study).Append(Field)
            .Append(condition).Append(Field)
            .Append(itemId).Append(Field)
            .Append(seed.ToString(CultureInfo.InvariantCulture)).Append(Field);
        foreach (var (name, value) in facets.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            sb.Append(name).Append('=').Append(value).Append(Pair);
        }

        sb.Append(Field).Append(renderedPrompt);
        return Hash(sb.ToString());
    }

    /// <summary>sha256 of a text, first 128 bits in lowercase hex.</summary>
    public static string Hash(string text)
    {
        int max = Encoding.UTF8.GetMaxByteCount(text.Length);
        byte[]? rented = max > 4096 ? System.Buffers.ArrayPool<byte>.Shared.Rent(max) : null;
        try
        {
            Span<byte> bytes = rented ?? stackalloc byte[max];
            int n = Encoding.UTF8.GetBytes(text, bytes);
            Span<byte> hash = stackalloc byte[32];
            SHA256.HashData(bytes[..n], hash);
            return Convert.ToHexStringLower(hash[..16]);
        }
        finally
        {
            if (rented is not null)
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
