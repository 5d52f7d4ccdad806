using System.Buffers;
using System.Diagnostics;
using System.Text;
using Studies.Backends.Local.Native;

namespace Studies.Backends.Local;

/// <summary>
/// One llama.cpp context (one KV cache) and the operations on it. Sequence 0 holds the last prompt, so the next
/// request reuses the shared prefix; samples and candidates branch off it on sequences 1..n and are removed after.
/// Not thread-safe: <see cref="LocalLanguageModel"/> hands a session to one request at a time.
/// </summary>
internal sealed unsafe class LlamaSession : IDisposable
{
    private const int GgmlTypeF32 = 0;
    private const int GgmlTypeF16 = 1;

    private readonly LlamaModel _model;
    private readonly SafeLlamaContextHandle _context;
    private readonly SafeLlamaBatchHandle _batch;
    private readonly nint _memory;
    private readonly float[] _scratch;
    private readonly List<int> _cached = []; // tokens whose KV entries sequence 0 holds, in order
    private readonly bool _prefixReuse;

    public LlamaSession(LlamaModel model, LocalBackendOptions options, int contextLength)
    {
        _model = model;
        ContextLength = contextLength;
        MaxSequences = Math.Max(2, options.MaxSequences);
        var p = LlamaNative.llama_context_default_params();
        int kv = options.KvCacheTokens > 0 ? options.KvCacheTokens : Math.Min(Math.Max(4 * contextLength, 4096), 16384);
        p.NCtx = (uint)Math.Max(kv, contextLength);
        p.NBatch = (uint)options.BatchSize;
        p.NUbatch = (uint)Math.Min(options.BatchSize, 512);
        p.NSeqMax = (uint)MaxSequences;
        p.NThreads = options.Threads;
        p.NThreadsBatch = options.Threads;
        p.KvUnified = 1; // sequences branched from one prompt share its cells
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
        _memory = LlamaNative.llama_get_memory(_context);
        BatchCapacity = (int)LlamaNative.llama_n_batch(_context);
        _batch = new SafeLlamaBatchHandle(BatchCapacity, MaxSequences);
        _scratch = new float[model.VocabSize];
        _prefixReuse = options.PrefixReuse;
    }

    public int ContextLength { get; }

    public int MaxSequences { get; }

    public int BatchCapacity { get; }

    /// <summary>Tokens run through the model by this session since it was created.</summary>
    public long EvaluatedTokens { get; private set; }

    public int CommonPrefixLength(ReadOnlySpan<int> tokens)
    {
        int n = Math.Min(tokens.Length, _cached.Count);
        int i = 0;
        while (i < n && tokens[i] == _cached[i])
        {
            i++;
        }

        return i;
    }

    public GenerationResult Generate(int[] prompt, GenerationRequest request, IReadOnlyList<string> stops, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var (logitIndex, cachedTokens) = EvaluatePrompt(prompt);
        double promptMs = clock.Elapsed.TotalMilliseconds;
        using var sampler = CreateSampler(request.Sampling, 0);
        var stream = new GenerationStream(this, request, stops, prompt.Length);
        while (!stream.Finished)
        {
            ct.ThrowIfCancellationRequested();
            int token = LlamaNative.llama_sampler_sample(sampler, _context, logitIndex);
            if (!stream.Accept(token, logitIndex))
            {
                break;
            }

            ClearBatch();
            AddToBatch(token, stream.Position - 1, 0, output: true);
            Decode();
            _cached.Add(token);
            logitIndex = 0;
        }

        return stream.Result(new GenerationTimings(promptMs, clock.Elapsed.TotalMilliseconds - promptMs, prompt.Length - cachedTokens, cachedTokens));
    }

    public IReadOnlyList<GenerationResult> Sample(int[] prompt, GenerationRequest request, int n, IReadOnlyList<string> stops, CancellationToken ct)
    {
        if (n + 1 > MaxSequences)
        {
            throw new CapabilityException($"{n} samples in one request exceed the backend's limit of {MaxSequences - 1}: lower the sample count or raise max_sequences.");
        }

        var clock = Stopwatch.StartNew();
        var (promptIndex, cachedTokens) = EvaluatePrompt(prompt);
        double promptMs = clock.Elapsed.TotalMilliseconds;
        var samplers = new SafeLlamaSamplerHandle[n];
        var streams = new GenerationStream[n];
        var logitIndex = new int[n];
        try
        {
            for (int i = 0; i < n; i++)
            {
                LlamaNative.llama_memory_seq_cp(_memory, 0, i + 1, -1, -1);
                samplers[i] = CreateSampler(request.Sampling, (uint)i);
                streams[i] = new GenerationStream(this, request, stops, prompt.Length);
                logitIndex[i] = promptIndex;
            }

            while (true)
            {
                ct.ThrowIfCancellationRequested();
                ClearBatch();
                for (int i = 0; i < n; i++)
                {
                    if (streams[i].Finished)
                    {
                        continue;
                    }

                    int token = LlamaNative.llama_sampler_sample(samplers[i], _context, logitIndex[i]);
                    if (streams[i].Accept(token, logitIndex[i]))
                    {
                        logitIndex[i] = _batchCount;
                        AddToBatch(token, streams[i].Position - 1, i + 1, output: true);
                    }
                }

                if (_batchCount == 0)
                {
                    break;
                }

                Decode();
            }
        }
        finally
        {
            for (int i = 0; i < n; i++)
            {
                samplers[i]?.Dispose();
                LlamaNative.llama_memory_seq_rm(_memory, i + 1, -1, -1);
            }
        }

        var timings = new GenerationTimings(promptMs, clock.Elapsed.TotalMilliseconds - promptMs, prompt.Length - cachedTokens, cachedTokens);
        return streams.Select(s => s.Result(timings)).ToArray();
    }

    public ScoringResult Score(int[] prefix, int[][] candidates, IReadOnlyList<string> texts, int topLogprobs, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        long before = EvaluatedTokens;
        int longest = candidates.Max(c => c.Length);
        if (prefix.Length + longest > ContextLength)
        {
            throw new PromptTooLongException(prefix.Length + longest, ContextLength);
        }

        var (prefixIndex, _) = EvaluatePrompt(prefix);
        var tokens = new List<TokenLogprob>[candidates.Length];
        for (int c = 0; c < candidates.Length; c++)
        {
            tokens[c] = new List<TokenLogprob>(candidates[c].Length);
            if (candidates[c].Length > 0)
            {
                tokens[c].Add(MakeTokenLogprob(LogitsAt(prefixIndex), candidates[c][0], topLogprobs));
            }
        }

        // Candidates longer than one token continue on their own sequence branched from the prefix; as many as fit
        // go into one batch, so the prefix is evaluated once for all of them.
        int next = 0;
        while (next < candidates.Length)
        {
            ct.ThrowIfCancellationRequested();
            ClearBatch();
            var group = new List<(int Candidate, int Seq, int FirstIndex)>();
            while (next < candidates.Length && group.Count + 1 < MaxSequences)
            {
                int length = candidates[next].Length - 1;
                if (length <= 0)
                {
                    next++;
                    continue;
                }

                if (_batchCount + length > BatchCapacity && group.Count > 0)
                {
                    break;
                }

                int seq = group.Count + 1;
                LlamaNative.llama_memory_seq_cp(_memory, 0, seq, -1, -1);
                group.Add((next, seq, _batchCount));
                for (int j = 0; j < length; j++)
                {
                    AddToBatch(candidates[next][j], prefix.Length + j, seq, output: true);
                }

                next++;
            }

            if (group.Count == 0)
            {
                break;
            }

            Decode();
            foreach (var (c, seq, first) in group)
            {
                for (int j = 1; j < candidates[c].Length; j++)
                {
                    tokens[c].Add(MakeTokenLogprob(LogitsAt(first + j - 1), candidates[c][j], topLogprobs));
                }

                LlamaNative.llama_memory_seq_rm(_memory, seq, -1, -1);
            }
        }

        var scores = new CandidateScore[candidates.Length];
        for (int c = 0; c < candidates.Length; c++)
        {
            scores[c] = new CandidateScore(texts[c], tokens[c].Sum(t => (double)t.Logprob), tokens[c]);
        }

        return new ScoringResult(scores, prefix.Length, (int)(EvaluatedTokens - before), clock.Elapsed.TotalMilliseconds);
    }

    public void Dispose()
    {
        _batch.Dispose();
        _context.Dispose();
    }

    /// <summary>
    /// Makes sequence 0 hold exactly <paramref name="prompt"/>, evaluating only what is not cached already.
    /// Returns the batch index of the last prompt token's logits.
    /// </summary>
    private (int LogitIndex, int CachedTokens) EvaluatePrompt(int[] prompt)
    {
        if (prompt.Length == 0)
        {
            throw new ModelBackendException("The prompt is empty.");
        }

        if (prompt.Length >= ContextLength)
        {
            throw new PromptTooLongException(prompt.Length, ContextLength);
        }

        // Keep the common prefix, but always re-evaluate at least the last token to get its logits.
        int keep = _prefixReuse ? Math.Min(CommonPrefixLength(prompt), prompt.Length - 1) : 0;
        if (!LlamaNative.llama_memory_seq_rm(_memory, 0, keep, -1))
        {
            keep = 0;
            LlamaNative.llama_memory_seq_rm(_memory, 0, -1, -1);
        }

        _cached.RemoveRange(keep, _cached.Count - keep);
        int logitIndex = 0;
        for (int start = keep; start < prompt.Length; start += BatchCapacity)
        {
            ClearBatch();
            int end = Math.Min(prompt.Length, start + BatchCapacity);
            for (int i = start; i < end; i++)
            {
                AddToBatch(prompt[i], i, 0, output: i == prompt.Length - 1);
            }

            logitIndex = end - start - 1;
            Decode();
            for (int i = start; i < end; i++)
            {
                _cached.Add(prompt[i]);
            }
        }

        return (logitIndex, keep);
    }

    private SafeLlamaSamplerHandle CreateSampler(SamplingSettings s, uint seedOffset)
    {
        var chain = new SafeLlamaSamplerHandle(LlamaNative.llama_sampler_chain_init(LlamaNative.llama_sampler_chain_default_params()));
        if (s.IsGreedy)
        {
            LlamaNative.llama_sampler_chain_add(chain, LlamaNative.llama_sampler_init_greedy());
            return chain;
        }

        if (s.TopK > 0)
        {
            LlamaNative.llama_sampler_chain_add(chain, LlamaNative.llama_sampler_init_top_k(s.TopK));
        }

        if (s.TopP < 1f)
        {
            LlamaNative.llama_sampler_chain_add(chain, LlamaNative.llama_sampler_init_top_p(s.TopP, 1));
        }

        if (s.MinP > 0f)
        {
            LlamaNative.llama_sampler_chain_add(chain, LlamaNative.llama_sampler_init_min_p(s.MinP, 1));
        }

        LlamaNative.llama_sampler_chain_add(chain, LlamaNative.llama_sampler_init_temp(s.Temperature));
        LlamaNative.llama_sampler_chain_add(chain, LlamaNative.llama_sampler_init_dist(unchecked(s.Seed + seedOffset)));
        return chain;
    }

    private ReadOnlySpan<float> LogitsAt(int index)
    {
        float* logits = LlamaNative.llama_get_logits_ith(_context, index);
        if (logits == null)
        {
            throw new ModelBackendException($"llama.cpp returned no logits for batch index {index}.");
        }

        return new ReadOnlySpan<float>(logits, _model.VocabSize);
    }

    internal TokenLogprob MakeTokenLogprob(ReadOnlySpan<float> logits, int token, int topLogprobs)
    {
        float lse = LogitMath.LogSumExp(logits, _scratch);
        TopAlternative[]? top = null;
        if (topLogprobs > 0)
        {
            int[] ids = ArrayPool<int>.Shared.Rent(topLogprobs);
            int k = LogitMath.TopK(logits, ids.AsSpan(0, topLogprobs));
            top = new TopAlternative[k];
            for (int i = 0; i < k; i++)
            {
                top[i] = new TopAlternative(ids[i], _model.PieceText(ids[i]), logits[ids[i]] - lse);
            }

            ArrayPool<int>.Shared.Return(ids);
        }

        return new TokenLogprob(token, _model.PieceText(token), logits[token] - lse, LogitMath.Rank(logits, token), top);
    }

    private int _batchCount;

    private void ClearBatch() => _batchCount = 0;

    private void AddToBatch(int token, int position, int seq, bool output)
    {
        var b = _batch.Batch;
        int i = _batchCount++;
        b->Token[i] = token;
        b->Pos[i] = position;
        b->NSeqId[i] = 1;
        b->SeqId[i][0] = seq;
        b->Logits[i] = (sbyte)(output ? 1 : 0);
    }

    private void Decode()
    {
        _batch.Batch->NTokens = _batchCount;
        int rc = LlamaNative.llama_decode(_context, *_batch.Batch);
        EvaluatedTokens += _batchCount;
        if (rc != 0)
        {
            _cached.Clear();
            LlamaNative.llama_memory_clear(_memory, true);
            throw new ModelBackendException(rc == 1
                ? "The KV cache is full (too many parallel samples or candidates for its size): raise kv_cache_tokens or lower the sample count."
                : $"llama_decode failed with code {rc}: {LlamaRuntime.TakeRecentProblems()}");
        }
    }

    /// <summary>The state of one sequence being generated: tokens, text, stop strings and why it finished.</summary>
    private sealed class GenerationStream(LlamaSession session, GenerationRequest request, IReadOnlyList<string> stops, int promptLength)
    {
        private readonly List<TokenLogprob> _tokens = [];
        private readonly StringBuilder _text = new();
        private readonly Decoder _decoder = Encoding.UTF8.GetDecoder();
        private readonly char[] _chars = new char[64];
        private readonly int _promptLength = promptLength;
        private FinishReason _finish = FinishReason.Length;

        public bool Finished { get; private set; }

        /// <summary>Position of the next token to sample.</summary>
        public int Position { get; private set; } = promptLength;

        /// <summary>Records a sampled token; false when generation ends with it (the token is then not kept).</summary>
        public bool Accept(int token, int logitIndex)
        {
            if (session._model.IsEndOfGeneration(token))
            {
                return Finish(FinishReason.EndOfText);
            }

            _tokens.Add(session.MakeTokenLogprob(session.LogitsAt(logitIndex), token, request.TopLogprobs));
            int before = _text.Length;
            var piece = session._model.Piece(token);
            if (!piece.IsEmpty)
            {
                int n = _decoder.GetChars(piece, _chars, flush: false);
                _text.Append(_chars, 0, n);
            }

            Position++;
            if (FindStop(before) is { } cut)
            {
                _text.Length = cut;
                return Finish(FinishReason.Stop);
            }

            if (_tokens.Count >= request.MaxTokens)
            {
                return Finish(FinishReason.Length);
            }

            return Position < session.ContextLength || Finish(FinishReason.ContextFull);
        }

        public GenerationResult Result(GenerationTimings timings) =>
            new(_text.ToString(), _tokens, _finish, _promptLength, _tokens.Count, timings);

        private bool Finish(FinishReason reason)
        {
            _finish = reason;
            Finished = true;
            return false;
        }

        private int? FindStop(int appendedAt)
        {
            foreach (string stop in stops)
            {
                int from = Math.Max(0, appendedAt - stop.Length + 1);
                for (int i = from; i + stop.Length <= _text.Length; i++)
                {
                    int j = 0;
                    while (j < stop.Length && _text[i + j] == stop[j])
                    {
                        j++;
                    }

                    if (j == stop.Length)
                    {
                        return i;
                    }
                }
            }

            return null;
        }
    }
}
