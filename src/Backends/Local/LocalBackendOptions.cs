namespace Studies.Backends.Local;

/// <summary>Settings of the in-process llama.cpp backend (section "Local" of configuration).</summary>
public sealed record LocalBackendOptions
{
    /// <summary>
    /// Threads per context. On small CPUs one thread per context is often fastest for tiny models, and
    /// llama.cpp's default (all cores) can collapse throughput: measured with './studies bench'.
    /// </summary>
    public int Threads { get; init; } = 1;

    /// <summary>
    /// Contexts (independent KV caches) per loaded model; each serves one request at a time, so this many trials run
    /// at once. 0 = automatic: one per core left by the others' threads (cores / threads), at most 4, and fewer when
    /// their KV caches would pass 1 GiB. On 2 cores, 2 contexts x 1 thread served 1.6-1.7x the trials/s of one context
    /// (ICL scoring, generation; stories260K), while 1 context x 2 threads was several times slower than 1 x 1.
    /// </summary>
    public int Contexts { get; init; }

    /// <summary>Per-sequence context length; 0 = the model's trained length.</summary>
    public int ContextLength { get; init; }

    /// <summary>
    /// KV-cache cells of a context's branched sequences (samples, candidates), which share them; 0 = automatic
    /// (4 x the context length, 4,096 to 16,384). Prompts and single generations have their own cache of exactly the
    /// context length.
    /// </summary>
    public int KvCacheTokens { get; init; }

    /// <summary>Largest batch of tokens submitted to llama_decode at once.</summary>
    public int BatchSize { get; init; } = 2048;

    /// <summary>Parallel sequences per context: bounds n samples and candidates scored in one pass.</summary>
    public int MaxSequences { get; init; } = 32;

    /// <summary>A chat template name (e.g. "chatml") or template text for models whose file has none.</summary>
    public string? ChatTemplate { get; init; }

    /// <summary>
    /// Flash attention. Off by default: on the CPU it makes logits depend on batch shapes, so the same prompt could
    /// score differently with and without prefix reuse (up to 7e-3 in a logprob on stories260K, against 5e-6 without
    /// it). With it and <see cref="KvCacheF16"/>, prompt processing of tiny models is about 3-4x faster ('studies bench').
    /// </summary>
    public bool FlashAttention { get; init; }

    /// <summary>
    /// An F16 KV cache halves its memory at the cost of batch-shape-dependent rounding (F32 by default; generation
    /// logprobs then differ from teacher-forced ones by up to 1e-3 on stories260K, against 2e-6 with F32).
    /// </summary>
    public bool KvCacheF16 { get; init; }

    /// <summary>Reuse the KV cache for the prefix shared with the previous request on the same context.</summary>
    public bool PrefixReuse { get; init; } = true;
}
