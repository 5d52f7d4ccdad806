using System.Text;
using OpenAI.Chat;
using Studies.Backends.Remote.Dto;

namespace Studies.Backends.Remote;

/// <summary>
/// Turns the servers' logprob shapes into <see cref="TokenLogprob"/>. Servers report only the top alternatives, so the
/// rank is 1 + the number of listed alternatives strictly more likely than the token: exact while the token is within
/// the list, else a lower bound (list length + 1). Token ids are -1 where the API does not give them.
/// </summary>
internal static class LogprobMapper
{
    public static TokenLogprob FromNative(NativeTokenProb p, int topRequested)
    {
        var listed = p.TopLogprobs ?? [];
        return new TokenLogprob(
            p.Id,
            Text(p.Bytes, p.Token),
            (float)p.Logprob,
            1 + listed.Count(a => a.Logprob > p.Logprob),
            topRequested > 0 ? listed.Take(topRequested).Select(a => new TopAlternative(a.Id, Text(a.Bytes, a.Token), (float)a.Logprob)).ToArray() : null);
    }

    /// <summary>The legacy OpenAI completions shape (vLLM, Ollama): parallel arrays, alternatives as a dictionary.</summary>
    public static TokenLogprob FromLegacy(string token, double logprob, IReadOnlyDictionary<string, double>? alternatives, int topRequested)
    {
        var listed = alternatives?.OrderByDescending(kv => kv.Value).ToArray() ?? [];
        return new TokenLogprob(
            -1,
            token,
            (float)logprob,
            1 + listed.Count(a => a.Value > logprob),
            topRequested > 0 ? listed.Take(topRequested).Select(a => new TopAlternative(-1, a.Key, (float)a.Value)).ToArray() : null);
    }

    /// <summary>Chat completions through Semantic Kernel (the OpenAI SDK's types).</summary>
    public static TokenLogprob FromChat(ChatTokenLogProbabilityDetails d, int topRequested)
    {
        var listed = d.TopLogProbabilities ?? [];
        return new TokenLogprob(
            -1,
            Text(d.Utf8Bytes, d.Token),
            d.LogProbability,
            1 + listed.Count(a => a.LogProbability > d.LogProbability),
            topRequested > 0 ? listed.Take(topRequested).Select(a => new TopAlternative(-1, Text(a.Utf8Bytes, a.Token), a.LogProbability)).ToArray() : null);
    }

    /// <summary>A token's text from its bytes when given (the same lossy UTF-8 decoding the local backend uses).</summary>
    private static string Text(IReadOnlyList<int>? bytes, string? fallback)
    {
        if (bytes is null || bytes.Count == 0)
        {
            return fallback ?? string.Empty;
        }

        var buffer = new byte[bytes.Count];
        for (int i = 0; i < buffer.Length; i++)
        {
            buffer[i] = (byte)bytes[i];
        }

        return Encoding.UTF8.GetString(buffer);
    }

    private static string Text(ReadOnlyMemory<byte>? bytes, string? fallback) =>
        bytes is { Length: > 0 } b ? Encoding.UTF8.GetString(b.Span) : fallback ?? string.Empty;
}
