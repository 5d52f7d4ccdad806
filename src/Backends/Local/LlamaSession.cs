using System.Diagnostics;
using Studies.Backends.Local.Native;

namespace Studies.Backends.Local;

/// <summary>
/// What one request runs on: a single-sequence context for prompts, generation and scoring that needs no branches,
/// and, created on first need, a multi-sequence context where n samples or several candidates branch off one prompt
/// evaluation (see <see cref="LlamaContext"/> for why they are separate). Both keep their last prompt cached, so the
/// next request of the same kind reuses the shared prefix. They share one threadpool, as only one runs at a time.
/// Not thread-safe: <see cref="LocalLanguageModel"/> hands a session to one request at a time.
/// </summary>
internal sealed class LlamaSession : IDisposable
{
    private readonly LlamaModel _model;
    private readonly LocalBackendOptions _options;
    private readonly GgmlThreadpool _threadpool;
    private readonly LlamaContext _single;
    private readonly TokenLogprobs _logprobs;
    private LlamaContext? _multi;

    public LlamaSession(LlamaModel model, LocalBackendOptions options, int contextLength)
    {
        _model = model;
        _options = options;
        ContextLength = contextLength;
        MaxSequences = Math.Max(2, options.MaxSequences);
        _threadpool = GgmlThreadpool.Create(Math.Max(1, options.Threads));
        try
        {
            _single = new LlamaContext(model, options, contextLength, 1, _threadpool);
        }
        catch
        {
            _threadpool.Dispose();
            throw;
        }

        _logprobs = new TokenLogprobs(model);
    }

    public int ContextLength { get; }

    public int MaxSequences { get; }

    /// <summary>Tokens run through the model by this session since it was created.</summary>
    public long EvaluatedTokens => _single.EvaluatedTokens + (_multi?.EvaluatedTokens ?? 0);

    private LlamaContext Multi => _multi ??= new LlamaContext(_model, _options, ContextLength, MaxSequences, _threadpool);

    /// <summary>Whether scoring these candidates needs branches: two or more of them longer than one token.</summary>
    public static bool NeedsBranches(int[][] candidates)
    {
        int decoded = 0;
        foreach (var c in candidates)
        {
            if (c.Length > 1 && ++decoded == 2)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Prompt tokens the context a request would run on has cached already.</summary>
    public int CommonPrefixLength(ReadOnlySpan<int> tokens, bool branches) =>
        branches ? _multi?.CommonPrefixLength(tokens) ?? 0 : _single.CommonPrefixLength(tokens);

    public GenerationResult Generate(int[] prompt, GenerationRequest request, IReadOnlyList<string> stops, CancellationToken ct)
    {
        var ctx = _single;
        var clock = Stopwatch.StartNew();
        var (logitIndex, cachedTokens) = ctx.EvaluatePrompt(prompt);
        double promptMs = clock.Elapsed.TotalMilliseconds;
        using var sampler = CreateSampler(request.Sampling, 0);
        var stream = new GenerationStream(_model, _logprobs, request, stops, prompt.Length, ContextLength);
        while (!stream.Finished)
        {
            ct.ThrowIfCancellationRequested();
            var logits = ctx.LogitsAt(logitIndex);
            int token = sampler is null ? LogitMath.ArgMax(logits) : LlamaNative.llama_sampler_sample(sampler, ctx.Handle, logitIndex);
            if (!stream.Accept(token, logits))
            {
                break;
            }

            ctx.Append(token);
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

        var ctx = Multi;
        var clock = Stopwatch.StartNew();
        var (promptIndex, cachedTokens) = ctx.EvaluatePrompt(prompt);
        double promptMs = clock.Elapsed.TotalMilliseconds;
        var samplers = new SafeLlamaSamplerHandle?[n];
        var streams = new GenerationStream[n];
        var logitIndex = new int[n];
        try
        {
            for (int i = 0; i < n; i++)
            {
                ctx.Branch(i + 1);
                samplers[i] = CreateSampler(request.Sampling, (uint)i);
                streams[i] = new GenerationStream(_model, _logprobs, request, stops, prompt.Length, ContextLength);
                logitIndex[i] = promptIndex;
            }

            // Each step samples every unfinished branch and decodes their tokens together in one batch.
            while (true)
            {
                ct.ThrowIfCancellationRequested();
                ctx.ClearBatch();
                for (int i = 0; i < n; i++)
                {
                    if (streams[i].Finished)
                    {
                        continue;
                    }

                    var logits = ctx.LogitsAt(logitIndex[i]);
                    var sampler = samplers[i];
                    int token = sampler is null ? LogitMath.ArgMax(logits) : LlamaNative.llama_sampler_sample(sampler, ctx.Handle, logitIndex[i]);
                    if (streams[i].Accept(token, logits))
                    {
                        logitIndex[i] = ctx.BatchCount;
                        ctx.AddToBatch(token, streams[i].Position - 1, i + 1, output: true);
                    }
                }

                if (ctx.BatchCount == 0)
                {
                    break;
                }

                ctx.Decode();
            }
        }
        finally
        {
            for (int i = 0; i < n; i++)
            {
                samplers[i]?.Dispose();
                ctx.RemoveBranch(i + 1);
            }
        }

        var timings = new GenerationTimings(promptMs, clock.Elapsed.TotalMilliseconds - promptMs, prompt.Length - cachedTokens, cachedTokens);
        var results = new GenerationResult[n];
        for (int i = 0; i < n; i++)
        {
            results[i] = streams[i].Result(timings);
        }

        return results;
    }

    public ScoringResult Score(int[] prefix, int[][] candidates, IReadOnlyList<string> texts, int topLogprobs, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        int longest = candidates.Max(c => c.Length);
        if (prefix.Length + longest > ContextLength)
        {
            throw new PromptTooLongException(prefix.Length + longest, ContextLength);
        }

        var ctx = NeedsBranches(candidates) ? Multi : _single;
        long before = ctx.EvaluatedTokens;
        var (prefixIndex, _) = ctx.EvaluatePrompt(prefix);
        var tokens = new List<TokenLogprob>[candidates.Length];
        var prefixLogits = ctx.LogitsAt(prefixIndex);
        for (int c = 0; c < candidates.Length; c++)
        {
            tokens[c] = new List<TokenLogprob>(candidates[c].Length);
            if (candidates[c].Length > 0)
            {
                tokens[c].Add(_logprobs.Make(prefixLogits, candidates[c][0], topLogprobs));
            }
        }

        if (ctx.Sequences > 1)
        {
            ScoreOnBranches(ctx, prefix.Length, candidates, tokens, topLogprobs, ct);
        }

        // What branches did not take (a lone candidate, or one longer than a batch) continues sequence 0 itself; the
        // last one stays cached, so a next prompt that extends it is reused.
        for (int c = 0; c < candidates.Length; c++)
        {
            if (tokens[c].Count < candidates[c].Length)
            {
                ct.ThrowIfCancellationRequested();
                ctx.Truncate(prefix.Length);
                var candidate = candidates[c];
                var list = tokens[c];
                ctx.Append(candidate.AsSpan(0, candidate.Length - 1), (i, logits) => list.Add(_logprobs.Make(logits, candidate[i + 1], topLogprobs)));
            }
        }

        var scores = new CandidateScore[candidates.Length];
        for (int c = 0; c < candidates.Length; c++)
        {
            double sum = 0;
            foreach (var t in tokens[c])
            {
                sum += t.Logprob;
            }

            scores[c] = new CandidateScore(texts[c], sum, tokens[c]);
        }

        return new ScoringResult(scores, prefix.Length, (int)(ctx.EvaluatedTokens - before), clock.Elapsed.TotalMilliseconds);
    }

    public void Dispose()
    {
        _multi?.Dispose();
        _single.Dispose();
        _threadpool.Dispose();
    }

    /// <summary>
    /// Candidates longer than one token continue on their own sequence branched from the prefix; as many as fit go
    /// into one batch, so the prefix is evaluated once for all of them.
    /// </summary>
    private void ScoreOnBranches(LlamaContext ctx, int prefixLength, int[][] candidates, List<TokenLogprob>[] tokens, int topLogprobs, CancellationToken ct)
    {
        var group = new List<(int Candidate, int Seq, int FirstIndex)>(Math.Min(candidates.Length, ctx.Sequences));
        int next = 0;
        while (next < candidates.Length)
        {
            ct.ThrowIfCancellationRequested();
            ctx.ClearBatch();
            group.Clear();
            while (next < candidates.Length && group.Count + 1 < ctx.Sequences)
            {
                int length = candidates[next].Length - 1;
                if (length <= 0 || length > ctx.BatchCapacity)
                {
                    next++; // nothing to decode, or too long for any batch: left to sequence 0
                    continue;
                }

                if (ctx.BatchCount + length > ctx.BatchCapacity)
                {
                    break;
                }

                int seq = group.Count + 1;
                ctx.Branch(seq);
                group.Add((next, seq, ctx.BatchCount));
                for (int j = 0; j < length; j++)
                {
                    ctx.AddToBatch(candidates[next][j], prefixLength + j, seq, output: true);
                }

                next++;
            }

            if (group.Count == 0)
            {
                break;
            }

            try
            {
                ctx.Decode();
                foreach (var (c, _, first) in group)
                {
                    for (int j = 1; j < candidates[c].Length; j++)
                    {
                        tokens[c].Add(_logprobs.Make(ctx.LogitsAt(first + j - 1), candidates[c][j], topLogprobs));
                    }
                }
            }
            finally
            {
                foreach (var (_, seq, _) in group)
                {
                    ctx.RemoveBranch(seq);
                }
            }
        }
    }

    /// <summary>llama.cpp's sampler chain for the settings; null for greedy, which takes the argmax directly.</summary>
    private static SafeLlamaSamplerHandle? CreateSampler(SamplingSettings s, uint seedOffset)
    {
        if (s.IsGreedy)
        {
            return null;
        }

        var chain = new SafeLlamaSamplerHandle(LlamaNative.llama_sampler_chain_init(LlamaNative.llama_sampler_chain_default_params()));
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
}
