using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using OpenAI;
using Polly.CircuitBreaker;

namespace Studies.Backends.Remote;

/// <summary>
/// A model served by one or more OpenAI-compatible servers (llama-server, vLLM, Ollama, OpenAI). Chat goes through
/// Semantic Kernel; raw text through llama-server's native /completion or /v1/completions; prompt scoring through forced
/// tokens (llama-server) or echo (vLLM). Every request runs through the resilience pipeline and spreads over the healthy
/// endpoints. Logprobs are the model's own log-softmax at temperature 1, as in the local backend; sample i of
/// <see cref="SampleAsync"/> uses seed Seed + i. A llama-server started like the local backend computes
/// (<c>-fa off -ctk f32 -ctv f32</c>) gives the same text, seeded samples and logprobs within 1e-5 nats.
/// </summary>
public sealed class RemoteLanguageModel : ILanguageModel
{
    private readonly RemoteBackendOptions _options;
    private readonly HttpClient _http;
    private readonly IDisposable? _rateLimiter;
    private readonly RemoteTextServices _text;
    private readonly NativeCompletionGenerator _native;
    private readonly OpenAiCompletionGenerator _completions;
    private readonly SemanticKernelChatGenerator _chat;
    private readonly ForcedTokenScorer _forced;
    private readonly EchoScorer _echo;
    private readonly LlamaServerApi _llama;
    private readonly OpenAiCompletionsApi _openAi;
    private readonly RemoteRequestExecutor _executor;
    private readonly ILogger<RemoteLanguageModel> _logger;
    private ModelInfo _info;

    private RemoteLanguageModel(RemoteBackendOptions options, ApiKeySecret apiKey, ILoggerFactory loggerFactory, HttpMessageHandler? handler)
    {
        _options = options;
        _logger = loggerFactory.CreateLogger<RemoteLanguageModel>();
        string name = options.Name ?? options.Model;
        _info = new ModelInfo { Name = name, Backend = "remote", Location = string.Join(", ", options.Endpoints) };

        // Timeouts belong to the pipeline (per attempt and total), so the client itself never times out.
        _http = new HttpClient(handler ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) }, disposeHandler: true)
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        var http = new RemoteHttpClient(_http, apiKey);
        _llama = new LlamaServerApi(http);
        _openAi = new OpenAiCompletionsApi(http);

        var endpoints = options.Endpoints.Select(url =>
        {
            var baseUri = new Uri(url.TrimEnd('/') + "/");
            var state = new CircuitBreakerStateProvider();
            RemoteEndpoint? endpoint = null;
            var attempt = RemoteResilience.AttemptPipeline(options, baseUri.GetLeftPart(UriPartial.Authority), state, d => endpoint!.MarkOpened(d), _logger);
            var chat = new OpenAIChatCompletionService(options.Model, OpenAiClientFor(baseUri, apiKey), loggerFactory);
            endpoint = new RemoteEndpoint(baseUri, chat, attempt, state);
            return endpoint;
        }).ToArray();

        var pool = new EndpointPool(endpoints, name, TimeProvider.System);
        var pipeline = RemoteResilience.CallPipeline(options, _logger, out _rateLimiter);
        _executor = new RemoteRequestExecutor(pipeline, pool, options, apiKey, name);

        Capabilities = RemoteCapabilityDefaults.Resolve(options.Server, options.Capabilities);
        int probes = Capabilities.GenerationLogprobs && Capabilities.MaxTopLogprobs > 0 ? Math.Clamp(options.RankDepth, 1, Capabilities.MaxTopLogprobs) : 0;
        int scoringProbes = Math.Clamp(options.RankDepth, 1, Math.Max(1, Capabilities.MaxTopLogprobs));
        _text = new RemoteTextServices(options.Server, options.Model, _llama, _openAi, _executor);
        _native = new NativeCompletionGenerator(_llama, _executor, Math.Max(1, probes));
        _completions = new OpenAiCompletionGenerator(_openAi, _executor, options.Server, options.Model, probes);
        _chat = new SemanticKernelChatGenerator(_executor, options.Server, apiKey, probes);
        _forced = new ForcedTokenScorer(_llama, _text, _executor, scoringProbes, () => _info.ContextLength);
        _echo = new EchoScorer(_openAi, _executor, options.Model, scoringProbes);
    }

    public ModelInfo Info => _info;

    public BackendCapabilities Capabilities { get; private set; }

    /// <summary>
    /// Connects to the endpoints: reads the API key from the environment, asks the server about its model (context
    /// length, chat template, build) and settles the capabilities. A server that cannot be reached is a clear error here.
    /// </summary>
    public static Task<RemoteLanguageModel> ConnectAsync(RemoteBackendOptions options, ILoggerFactory? loggerFactory = null, CancellationToken cancellationToken = default) =>
        ConnectAsync(options, loggerFactory, handler: null, cancellationToken);

    internal static async Task<RemoteLanguageModel> ConnectAsync(RemoteBackendOptions options, ILoggerFactory? loggerFactory, HttpMessageHandler? handler,
        CancellationToken cancellationToken)
    {
        Validate(options);
        var apiKey = ApiKeySecret.FromEnvironment(options.ApiKeyEnv);
        var model = new RemoteLanguageModel(options, apiKey, loggerFactory ?? NullLoggerFactory.Instance, handler);
        try
        {
            model._info = await RemoteModelProbe.ProbeAsync(options, model._llama, model._openAi, model._executor, cancellationToken).ConfigureAwait(false);
            if (options.Server == RemoteServerKind.LlamaServer && options.Capabilities.Chat is null)
            {
                model.Capabilities = model.Capabilities with { Chat = model._info.ChatTemplate is not null };
            }

            model._logger.LogInformation("Connected to remote model {Model} ({Server}, {Endpoints} endpoint(s), context {Context}, {Runtime}) {Key}",
                model._info.Name, options.Server.ToName(), options.Endpoints.Count, model._info.ContextLength, model._info.RuntimeVersion, apiKey);
            return model;
        }
        catch
        {
            await model.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async Task<GenerationResult> GenerateAsync(GenerationRequest request, CancellationToken cancellationToken = default)
    {
        CheckTopLogprobs(request.TopLogprobs);
        return await GenerateOneAsync(request, 0, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<GenerationResult>> SampleAsync(GenerationRequest request, int n, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        if (n > Capabilities.MaxSamples)
        {
            throw new CapabilityException($"{n} samples in one request exceed remote model {Info.Name}'s limit of {Capabilities.MaxSamples}: lower the sample count or raise capabilities.max_samples.");
        }

        CheckTopLogprobs(request.TopLogprobs);

        // One request per sample so each has its own seed; the concurrency limit bounds how many run at once.
        var samples = Enumerable.Range(0, n).Select(i => GenerateOneAsync(request, i, cancellationToken));
        return await Task.WhenAll(samples).ConfigureAwait(false);
    }

    public Task<ScoringResult> ScoreAsync(ScoringRequest request, CancellationToken cancellationToken = default)
    {
        if (request.Candidates.Count == 0)
        {
            throw new ArgumentException("Scoring needs at least one candidate.", nameof(request));
        }

        if (!Capabilities.PromptScoring)
        {
            throw new CapabilityException($"Remote model {Info.Name} ({_options.Server.ToName()}) cannot score prompts (its API returns no prompt logprobs): use generation with answer extraction, or a llama-server / vLLM endpoint.");
        }

        CheckTopLogprobs(request.TopLogprobs);
        return _options.Server == RemoteServerKind.LlamaServer
            ? _forced.ScoreAsync(request, cancellationToken)
            : _echo.ScoreAsync(request, cancellationToken);
    }

    /// <summary>
    /// The text the model sees. For chat on llama-server this asks the server to apply its template (a blocking call,
    /// memoised); other servers apply the template themselves, so the rendering shown is "role: content" lines.
    /// </summary>
    public string Render(ModelPrompt prompt) => prompt.IsChat ? Blocking(ct => _text.RenderAsync(prompt, ct)) : prompt.Text!;

    /// <summary>
    /// Empty: a remote vocabulary cannot be inspected. Note that llama-server aborts on characters a vocabulary without
    /// byte fallback lacks (TinyStories-656K): check such datasets with the local backend first.
    /// </summary>
    public IReadOnlyList<string> FindUnencodable(string text) => [];

    /// <summary>From the server's tokenizer (llama-server, vLLM; a blocking, memoised call) or an overestimate elsewhere.</summary>
    public int CountTokens(string text) => Blocking(ct => _text.CountTokensAsync(text, ct));

    public ValueTask DisposeAsync()
    {
        _rateLimiter?.Dispose();
        _http.Dispose();
        return ValueTask.CompletedTask;
    }

    private Task<GenerationResult> GenerateOneAsync(GenerationRequest request, int sampleIndex, CancellationToken ct)
    {
        if (request.Prompt.IsChat)
        {
            if (!Capabilities.Chat)
            {
                throw new CapabilityException($"Remote model {Info.Name} has no chat template: give it raw text prompts, or set capabilities.chat: true if the server applies one.");
            }

            return _chat.GenerateAsync(request.Prompt.Messages!, request, StopsFor(request), sampleIndex, ct);
        }

        if (!Capabilities.RawCompletion)
        {
            throw new CapabilityException($"Remote model {Info.Name} ({_options.Server.ToName()}) takes chat prompts only: use a chat prompt, or a server with /v1/completions.");
        }

        return _options.Server == RemoteServerKind.LlamaServer && _options.NativeCompletion
            ? _native.GenerateAsync(request.Prompt.Text!, request, request.Stop, sampleIndex, ct)
            : _completions.GenerateAsync(request.Prompt.Text!, request, request.Stop, sampleIndex, ct);
    }

    /// <summary>ChatML models that write their end marker as plain text end their turn with it (as in the local backend).</summary>
    private IReadOnlyList<string> StopsFor(GenerationRequest request) =>
        _info.ChatTemplate?.Contains("<|im_end|>", StringComparison.Ordinal) == true && !request.Stop.Contains("<|im_end|>")
            ? [.. request.Stop, "<|im_end|>"]
            : request.Stop;

    private void CheckTopLogprobs(int top)
    {
        if (top > Capabilities.MaxTopLogprobs)
        {
            throw new CapabilityException($"{top} top logprobs exceed remote model {Info.Name}'s limit of {Capabilities.MaxTopLogprobs}: ask for fewer, or raise capabilities.max_top_logprobs if the server allows more.");
        }
    }

    /// <summary>
    /// The OpenAI SDK client under Semantic Kernel, on this backend's HttpClient, with the SDK's own retries off: the
    /// Polly pipeline is the single place that retries, so attempts are not multiplied.
    /// </summary>
    private OpenAIClient OpenAiClientFor(Uri baseUri, ApiKeySecret apiKey) =>
        new(new ApiKeyCredential(apiKey.Reveal() ?? "no-key"), new OpenAIClientOptions
        {
            Endpoint = new Uri(baseUri, "v1"),
            Transport = new HttpClientPipelineTransport(_http),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = Timeout.InfiniteTimeSpan,
        });

    private T Blocking<T>(Func<CancellationToken, Task<T>> call)
    {
        // The interface is synchronous here; run on the pool so no caller's synchronization context can deadlock it.
        using var cts = new CancellationTokenSource(_options.TotalTimeout);
        return Task.Run(() => call(cts.Token)).GetAwaiter().GetResult();
    }

    private static void Validate(RemoteBackendOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Model))
        {
            throw new ModelBackendException("A remote model needs 'model': the model name the server serves.");
        }

        if (options.Endpoints.Count == 0)
        {
            throw new ModelBackendException($"Remote model {options.Model} has no endpoints: list the server base URLs under 'endpoints' (e.g. http://127.0.0.1:8080).");
        }

        foreach (string url in options.Endpoints)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                throw new ModelBackendException($"Endpoint \"{url}\" of remote model {options.Model} is not an http(s) URL: write it like http://127.0.0.1:8080.");
            }

            if (!string.IsNullOrEmpty(uri.UserInfo))
            {
                throw new ModelBackendException($"An endpoint of remote model {options.Model} has credentials in its URL: remove them and put the key in the variable named by api_key_env.");
            }
        }

        if (options.AttemptTimeout <= TimeSpan.Zero || options.TotalTimeout <= TimeSpan.Zero)
        {
            throw new ModelBackendException($"Remote model {options.Model}: attempt_timeout and total_timeout must be positive.");
        }
    }
}
