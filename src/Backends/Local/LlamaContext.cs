using Studies.Backends.Local.Native;

namespace Studies.Backends.Local;

/// <summary>
/// One llama.cpp context: a KV cache, a reusable batch, and the tokens sequence 0 holds (so a request reuses the
/// prefix it shares with the previous one). It comes in two shapes, because llama.cpp charges each by the decode:
/// <list type="bullet">
/// <item>single-sequence (n_seq_max 1, its own KV stream), for prompts, generation and scoring without branches: each
/// llama_decode costs what it costs in llama-bench;</item>
/// <item>multi-sequence (a unified KV cache shared by up to <see cref="Sequences"/> sequences), where samples and
/// candidates branch off sequence 0 without copying its cells. A unified cache makes every llama_decode check all
/// LLAMA_MAX_SEQ² pairs of sequences (about 0.1 ms, measured as 30% of the time of a one-token decode of a tiny
/// model), which a batch of many sequences amortizes and a single sequence should never pay.</item>
/// </list>
/// Not thread-safe: one request at a time (see <see cref="LlamaSession"/>).
/// </summary>
internal sealed unsafe class LlamaContext : IDisposable
{
    private const int GgmlTypeF32 = 0;
    private const int GgmlTypeF16 = 1;

    private readonly LlamaModel _model;
    private readonly SafeLlamaContextHandle _context;
    private readonly SafeLlamaBatchHandle _batch;
    private readonly nint _memory;
    private readonly List<int> _cached = []; // tokens whose KV entries sequence 0 holds, in order
    private int _exact; // leading cached tokens evaluated in batches of two or more: reusable bit for bit
    private readonly bool _prefixReuse;
    private int _batchCount;

    public LlamaContext(LlamaModel model, LocalBackendOptions options, int contextLength, int sequences, GgmlThreadpool threadpool)
    {
        _model = model;
        ContextLength = contextLength;
        Sequences = sequences;
        var p = LlamaNative.llama_context_default_params();
        // One sequence needs exactly its context; branches share one cache sized for the prompt plus all of them.
        int kv = sequences == 1 ? contextLength
            : options.KvCacheTokens > 0 ? options.KvCacheTokens
            : Math.Min(Math.Max(4 * contextLength, 4096), 16384);
        p.NCtx = (uint)Math.Max(kv, contextLength);
        // llama.cpp reserves an output row per sequence and asserts (aborting the process) when that exceeds the batch.
        int batch = Math.Max(options.BatchSize, sequences);
        p.NBatch = (uint)batch;
        p.NUbatch = (uint)Math.Min(batch, 512);
        p.NSeqMax = (uint)sequences;
        p.NThreads = options.Threads;
        p.NThreadsBatch = options.Threads;
        p.KvUnified = (byte)(sequences > 1 ? 1 : 0); // branches share the prompt's cells instead of copying them
        p.NoPerf = 1;
        // Flash attention on the CPU and an F16 cache make logits depend on how tokens were batched, so prefix reuse
        // would change scores (by ~1e-2 measured); without them results are bit-identical however the prompt is split.
        p.FlashAttnType = options.FlashAttention ? 1 : 0;
        p.TypeK = p.TypeV = options.KvCacheF16 ? GgmlTypeF16 : GgmlTypeF32;
        nint ctx = LlamaNative.llama_init_from_model(model.Handle, p);
        if (ctx == nint.Zero)
        {
            throw new ModelBackendException($"llama.cpp could not create a context ({LlamaRuntime.TakeRecentProblems()}): lower kv_cache_tokens or batch_size.");
        }

        _context = new SafeLlamaContextHandle(ctx);
        LlamaNative.llama_attach_threadpool(_context, threadpool.DangerousGetHandle(), threadpool.DangerousGetHandle());
        _memory = LlamaNative.llama_get_memory(_context);
        BatchCapacity = (int)LlamaNative.llama_n_batch(_context);
        _batch = new SafeLlamaBatchHandle(BatchCapacity, 1);
        _prefixReuse = options.PrefixReuse;
    }

    public int ContextLength { get; }

    /// <summary>Sequences this context holds at once: 1, or sequence 0 plus up to Sequences - 1 branches.</summary>
    public int Sequences { get; }

    public int BatchCapacity { get; }

    /// <summary>Tokens now in the batch being filled.</summary>
    public int BatchCount => _batchCount;

    /// <summary>Tokens sequence 0 holds.</summary>
    public int CachedCount => _cached.Count;

    /// <summary>Tokens run through the model by this context since it was created.</summary>
    public long EvaluatedTokens { get; private set; }

    public SafeLlamaContextHandle Handle => _context;

    /// <summary>
    /// Leading tokens of <paramref name="tokens"/> whose KV entries this context can reuse: the common prefix with
    /// what it holds, up to the tokens evaluated in batches of two or more (generated tokens, decoded one at a time,
    /// round differently from the same tokens in a prompt batch, so a prompt never reuses them).
    /// </summary>
    public int CommonPrefixLength(ReadOnlySpan<int> tokens)
    {
        int n = Math.Min(tokens.Length, _exact);
        int i = 0;
        while (i < n && tokens[i] == _cached[i])
        {
            i++;
        }

        return i;
    }

    /// <summary>
    /// Makes sequence 0 hold exactly <paramref name="prompt"/>, evaluating only what is not cached already.
    /// Returns the batch index of the last prompt token's logits and how many prompt tokens were reused.
    /// </summary>
    public (int LogitIndex, int CachedTokens) EvaluatePrompt(int[] prompt)
    {
        if (prompt.Length == 0)
        {
            throw new ModelBackendException("The prompt is empty.");
        }

        if (prompt.Length >= ContextLength)
        {
            throw new PromptTooLongException(prompt.Length, ContextLength);
        }

        // Keep the common prefix, but re-evaluate at least the last two tokens (the last for its logits), and never
        // decode a prompt batch of one token: a one-token batch rounds differently (~2e-6 in a log-probability,
        // measured on the CPU; ggml multiplies a single row by another kernel), while batches of two or more tokens
        // give bit-identical results however the prompt is split. So a prompt scores the same whatever the cache held.
        Truncate(_prefixReuse ? Math.Max(0, Math.Min(CommonPrefixLength(prompt), prompt.Length - 2)) : 0);
        int keep = _cached.Count;
        int logitIndex = 0;
        for (int start = keep, end; start < prompt.Length; start = end)
        {
            ClearBatch();
            end = Math.Min(prompt.Length, start + BatchCapacity);
            if (prompt.Length - end == 1 && end - start > 2)
            {
                end--; // leave two tokens for the last batch rather than one
            }

            for (int i = start; i < end; i++)
            {
                AddToBatch(prompt[i], i, 0, output: i == prompt.Length - 1);
            }

            logitIndex = end - start - 1;
            Decode();
            if (end - start >= 2 && start == _exact)
            {
                _exact = end;
            }

            for (int i = start; i < end; i++)
            {
                _cached.Add(prompt[i]);
            }
        }

        return (logitIndex, keep);
    }

    /// <summary>Continues sequence 0 with one token; its logits are then at batch index 0.</summary>
    public void Append(int token)
    {
        ClearBatch();
        AddToBatch(token, _cached.Count, 0, output: true);
        Decode();
        _cached.Add(token);
    }

    /// <summary>
    /// Continues sequence 0 with <paramref name="tokens"/>, in as many batches as needed, calling
    /// <paramref name="onLogits"/> with each token's index in <paramref name="tokens"/> and the logits after it.
    /// </summary>
    public void Append(ReadOnlySpan<int> tokens, LogitsVisitor onLogits)
    {
        for (int start = 0; start < tokens.Length; start += BatchCapacity)
        {
            ClearBatch();
            int end = Math.Min(tokens.Length, start + BatchCapacity);
            for (int i = start; i < end; i++)
            {
                AddToBatch(tokens[i], _cached.Count + i - start, 0, output: true);
            }

            Decode();
            if (end - start >= 2 && _cached.Count == _exact)
            {
                _exact += end - start;
            }

            for (int i = start; i < end; i++)
            {
                _cached.Add(tokens[i]);
                onLogits(i, LogitsAt(i - start));
            }
        }
    }

    /// <summary>Keeps the first <paramref name="length"/> tokens of sequence 0 and drops the rest from the cache.</summary>
    public void Truncate(int length)
    {
        if (length >= _cached.Count)
        {
            return;
        }

        if (!LlamaNative.llama_memory_seq_rm(_memory, 0, length, -1))
        {
            length = 0;
            LlamaNative.llama_memory_seq_rm(_memory, 0, -1, -1);
        }

        _cached.RemoveRange(length, _cached.Count - length);
        _exact = Math.Min(_exact, length);
    }

    /// <summary>Starts sequence <paramref name="seq"/> as a branch sharing all of sequence 0's cells.</summary>
    public void Branch(int seq) => LlamaNative.llama_memory_seq_cp(_memory, 0, seq, -1, -1);

    /// <summary>Drops a branch and its cells (those not shared with sequence 0).</summary>
    public void RemoveBranch(int seq) => LlamaNative.llama_memory_seq_rm(_memory, seq, -1, -1);

    public void ClearBatch() => _batchCount = 0;

    public void AddToBatch(int token, int position, int seq, bool output)
    {
        var b = _batch.Batch;
        int i = _batchCount++;
        b->Token[i] = token;
        b->Pos[i] = position;
        b->NSeqId[i] = 1;
        b->SeqId[i][0] = seq;
        b->Logits[i] = (sbyte)(output ? 1 : 0);
    }

    public void Decode()
    {
        _batch.Batch->NTokens = _batchCount;
        int rc = LlamaNative.llama_decode(_context, *_batch.Batch);
        EvaluatedTokens += _batchCount;
        if (rc != 0)
        {
            _cached.Clear();
            _exact = 0;
            LlamaNative.llama_memory_clear(_memory, true);
            throw new ModelBackendException(rc == 1
                ? "The KV cache is full (too many parallel samples or candidates for its size): raise kv_cache_tokens or lower the sample count."
                : $"llama_decode failed with code {rc}: {LlamaRuntime.TakeRecentProblems()}");
        }
    }

    public ReadOnlySpan<float> LogitsAt(int index)
    {
        float* logits = LlamaNative.llama_get_logits_ith(_context, index);
        if (logits == null)
        {
            throw new ModelBackendException($"llama.cpp returned no logits for batch index {index}.");
        }

        return new ReadOnlySpan<float>(logits, _model.VocabSize);
    }

    public void Dispose()
    {
        _batch.Dispose();
        _context.Dispose();
    }

    /// <summary>Receives the logits after token <paramref name="index"/> of an appended run.</summary>
    public delegate void LogitsVisitor(int index, ReadOnlySpan<float> logits);
}
