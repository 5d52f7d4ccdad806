namespace Studies.Backends.Remote;

/// <summary>
/// The sampling fields of a request. Every filter is sent explicitly (0 / 1 = off) because servers have their own
/// defaults (llama-server: top-k 40, top-p 0.95, min-p 0.05) that would silently change the distribution.
/// </summary>
internal static class SamplingMapper
{
    public static float Temperature(SamplingSettings s) => s.IsGreedy ? 0f : s.Temperature;

    /// <summary>The request seed of sample <paramref name="index"/> (SampleAsync: seed + i).</summary>
    public static long Seed(SamplingSettings s, int index) => unchecked(s.Seed + (uint)index);

    /// <summary>top_k / min_p for servers that accept them; the OpenAI API does not, so they must be off there.</summary>
    public static (int? TopK, float? MinP) Extras(RemoteServerKind kind, SamplingSettings s)
    {
        if (kind == RemoteServerKind.OpenAI)
        {
            if (!s.IsGreedy && (s.TopK > 0 || s.MinP > 0f))
            {
                throw new CapabilityException("The OpenAI API has no top_k or min_p: remove them from the sampling settings for this model.");
            }

            return (null, null);
        }

        // vLLM treats top_k -1 (and, recently, 0) as "off"; llama.cpp and Ollama use 0.
        int topK = s.TopK > 0 ? s.TopK : kind == RemoteServerKind.Vllm ? -1 : 0;
        return (topK, s.MinP);
    }
}
