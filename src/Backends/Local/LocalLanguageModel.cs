using Microsoft.Extensions.Logging;
using Studies.Backends.Catalog;
using Studies.Backends.Local.Native;

namespace Studies.Backends.Local;

/// <summary>
/// A GGUF model run in-process by llama.cpp. Holds one loaded model and a pool of contexts; each request takes the
/// free context whose cache shares the longest prefix with its prompt, so few-shot prompts reuse their demonstrations.
/// </summary>
public sealed class LocalLanguageModel : ILanguageModel
{
    private readonly LlamaModel _model;
    private readonly List<LlamaSession> _sessions;
    private readonly List<LlamaSession> _free;
    private readonly SemaphoreSlim _available;
    private readonly ILogger _logger;
    private readonly int _contextLength;

    private LocalLanguageModel(LlamaModel model, LocalBackendOptions options, ModelInfo info, ILogger logger)
    {
        _model = model;
        _logger = logger;
        _contextLength = options.ContextLength > 0 ? options.ContextLength : model.TrainedContext;
        _sessions = [];
        int contexts = ContextCount(model, options, _contextLength);
        try
        {
            for (int i = 0; i < contexts; i++)
            {
                _sessions.Add(new LlamaSession(model, options, _contextLength));
            }
        }
        catch
        {
            _sessions.ForEach(s => s.Dispose());
            throw;
        }

        _free = [.. _sessions];

        _available = new SemaphoreSlim(_free.Count, _free.Count);
        Info = info with { ContextLength = _contextLength };
        Capabilities = new BackendCapabilities
        {
            PromptScoring = true,
            MaxTopLogprobs = model.VocabSize,
            GenerationLogprobs = true,
            MaxSamples = _sessions[0].MaxSequences - 1,
            RawCompletion = true,
            Chat = !string.IsNullOrEmpty(model.ChatTemplate),
            Deterministic = true,
        };
    }

    public ModelInfo Info { get; }

    public BackendCapabilities Capabilities { get; }

    /// <summary>Requests this model serves at once (its contexts).</summary>
    public int Contexts => _sessions.Count;

    /// <summary>Tokens run through the model since load, over all contexts (for benchmarks and reports).</summary>
    public long EvaluatedTokens => _sessions.Sum(s => s.EvaluatedTokens);

    /// <summary>Loads a GGUF file; the file is checked first so a bad file is a clear error, never a crash.</summary>
    public static LocalLanguageModel Load(string path, LocalBackendOptions? options = null, ILogger? logger = null, string? name = null)
    {
        options ??= new LocalBackendOptions();
        logger ??= Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        LlamaRuntime.EnsureInitialized(logger);
        var model = LlamaModel.Load(path, options.ChatTemplate);
        try
        {
            var gguf = model.Gguf;
            var info = new ModelInfo
            {
                Name = name ?? Path.GetFileNameWithoutExtension(path),
                Backend = "local",
                Location = Path.GetFullPath(path),
                Architecture = gguf.Architecture,
                ParameterCount = gguf.ParameterCount,
                ContextLength = model.TrainedContext,
                Quantization = gguf.FileType,
                ChatTemplate = model.ChatTemplate,
                VocabularySize = model.VocabSize,
                Sha256 = ModelFileHasher.Sha256(path),
                SizeBytes = gguf.FileSize,
                RuntimeVersion = LlamaRuntime.Version,
            };
            var loaded = new LocalLanguageModel(model, options, info, logger);
            logger.LogInformation("Loaded {Model} ({Parameters} parameters, context {Context}) from {Path} with {Threads} thread(s) x {Contexts} context(s)",
                info.Name, info.ParameterCount, loaded.Info.ContextLength, path, options.Threads, loaded.Contexts);
            return loaded;
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    /// <summary>The native library version in use (llama.cpp release, npm pin and folder).</summary>
    public static string RuntimeVersion
    {
        get
        {
            LlamaRuntime.EnsureInitialized();
            return LlamaRuntime.Version;
        }
    }

    public string Render(ModelPrompt prompt) =>
        prompt.IsChat ? _model.ApplyChatTemplate(prompt.Messages!, addAssistantPrefix: true) : prompt.Text!;

    public IReadOnlyList<string> FindUnencodable(string text) => _model.FindUnencodable(text);

    public int CountTokens(string text) => _model.Tokenize(text, addSpecial: false).Length;

    /// <summary>Tokens of a text as the model sees it (with BOS when <paramref name="addSpecial"/>).</summary>
    public IReadOnlyList<int> Tokenize(string text, bool addSpecial = true) => _model.Tokenize(text, addSpecial);

    public string Detokenize(IReadOnlyList<int> tokens) => _model.Detokenize(tokens.ToArray());

    public Task<GenerationResult> GenerateAsync(GenerationRequest request, CancellationToken cancellationToken = default)
    {
        int[] prompt = _model.Tokenize(Render(request.Prompt), addSpecial: true);
        var stops = StopsFor(request);
        return WithSessionAsync(prompt, branches: false, s => s.Generate(prompt, request, stops, cancellationToken), cancellationToken);
    }

    public async Task<IReadOnlyList<GenerationResult>> SampleAsync(GenerationRequest request, int n, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        if (n == 1)
        {
            return [await GenerateAsync(request, cancellationToken).ConfigureAwait(false)];
        }

        int[] prompt = _model.Tokenize(Render(request.Prompt), addSpecial: true);
        var stops = StopsFor(request);
        return await WithSessionAsync(prompt, branches: true, s => s.Sample(prompt, request, n, stops, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    public Task<ScoringResult> ScoreAsync(ScoringRequest request, CancellationToken cancellationToken = default)
    {
        if (request.Candidates.Count == 0)
        {
            throw new ArgumentException("Scoring needs at least one candidate.", nameof(request));
        }

        string prefixText = Render(request.Prefix);
        int[] prefix = _model.Tokenize(prefixText, addSpecial: true);
        var candidates = request.Candidates.Select(c => ContinuationTokens(prefixText, prefix, c)).ToArray();
        return WithSessionAsync(prefix, LlamaSession.NeedsBranches(candidates), s => s.Score(prefix, candidates, request.Candidates, request.TopLogprobs, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Teacher-forced scoring of exact token sequences (e.g. the tokens a model generated, which need not be the
    /// canonical tokenization of their text, or another model's output over a shared vocabulary).
    /// </summary>
    public Task<ScoringResult> ScoreTokensAsync(ModelPrompt prefix, IReadOnlyList<IReadOnlyList<int>> candidates, int topLogprobs = 0, CancellationToken cancellationToken = default)
    {
        if (candidates.Count == 0 || candidates.Any(c => c.Count == 0))
        {
            throw new ArgumentException("Scoring needs non-empty candidates.", nameof(candidates));
        }

        int[] prefixTokens = _model.Tokenize(Render(prefix), addSpecial: true);
        int[][] tokens = candidates.Select(c => c.ToArray()).ToArray();
        string[] texts = tokens.Select(t => _model.Detokenize(t)).ToArray();
        return WithSessionAsync(prefixTokens, LlamaSession.NeedsBranches(tokens), s => s.Score(prefixTokens, tokens, texts, topLogprobs, cancellationToken), cancellationToken);
    }

    public ValueTask DisposeAsync()
    {
        foreach (var s in _sessions)
        {
            s.Dispose();
        }

        _model.Dispose();
        _available.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>The configured number of contexts, or the automatic one (see <see cref="LocalBackendOptions.Contexts"/>).</summary>
    private static int ContextCount(LlamaModel model, LocalBackendOptions options, int contextLength)
    {
        const long MemoryBudget = 1L << 30;
        if (options.Contexts > 0)
        {
            return options.Contexts;
        }

        int byCores = Environment.ProcessorCount / Math.Max(1, options.Threads);
        long kvBytes = Math.Max(1, contextLength * model.KvBytesPerToken(options.KvCacheF16));
        return (int)Math.Clamp(Math.Min(byCores, MemoryBudget / kvBytes), 1, 4);
    }

    /// <summary>
    /// The candidate's tokens as they follow the prefix: the tail of tokenize(prefix + candidate) when that starts with
    /// the prefix's tokens (the usual case, and what a model sees in a real continuation), else the candidate alone.
    /// </summary>
    private int[] ContinuationTokens(string prefixText, int[] prefix, string candidate)
    {
        int[] joint = _model.Tokenize(prefixText + candidate, addSpecial: true);
        if (joint.Length > prefix.Length && joint.AsSpan(0, prefix.Length).SequenceEqual(prefix))
        {
            return joint[prefix.Length..];
        }

        int[] alone = _model.Tokenize(candidate, addSpecial: false);
        if (alone.Length == 0)
        {
            throw new ModelBackendException($"The candidate \"{candidate}\" has no tokens: candidates must be non-empty text.");
        }

        return alone;
    }

    private IReadOnlyList<string> StopsFor(GenerationRequest request)
    {
        // Chat models that never emit EOS (ChatML markers as plain text) end their turn with <|im_end|>.
        if (request.Prompt.IsChat && _model.ChatTemplate?.Contains("<|im_end|>", StringComparison.Ordinal) == true
            && !request.Stop.Contains("<|im_end|>"))
        {
            return [.. request.Stop, "<|im_end|>"];
        }

        return request.Stop;
    }

    /// <param name="branches">Whether the work runs on branched sequences (a session's multi-sequence context).</param>
    private async Task<T> WithSessionAsync<T>(int[] prompt, bool branches, Func<LlamaSession, T> work, CancellationToken ct)
    {
        await _available.WaitAsync(ct).ConfigureAwait(false);
        LlamaSession session;
        lock (_free)
        {
            session = _free.MaxBy(s => s.CommonPrefixLength(prompt, branches))!;
            _free.Remove(session);
        }

        try
        {
            // llama.cpp calls block; keep them off the caller's thread so the scheduler stays responsive.
            return await Task.Run(() => work(session), ct).ConfigureAwait(false);
        }
        finally
        {
            lock (_free)
            {
                _free.Add(session);
            }

            _available.Release();
        }
    }
}
