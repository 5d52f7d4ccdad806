namespace Studies.Backends.Remote;

/// <summary>
/// Settings of one remote model (section "remote" of a model in YAML, snake_case there). Several endpoints may serve the
/// same model: requests are spread over the healthy ones. Connect with <see cref="RemoteLanguageModel.ConnectAsync"/>.
/// <code>
/// remote:
///   server: llama-server            # llama-server | vllm | openai | ollama
///   model: stories260K              # the name the server knows the model by
///   endpoints: [http://10.0.0.5:8080, http://10.0.0.6:8080]
///   api_key_env: STUDIES_API_KEY    # the variable's name; the key itself never goes in a file
///   concurrency: 4
///   requests_per_minute: 600        # optional
///   attempt_timeout: 00:02:00
///   total_timeout: 00:10:00
///   retry: { max_retries: 8, base_delay: 00:00:00.5, max_delay: 00:00:30, max_retry_after: 00:01:00 }
///   circuit_breaker: { failure_ratio: 0.7, minimum_throughput: 10, sampling_duration: 00:00:30, break_duration: 00:00:15 }
///   capabilities: { prompt_scoring: true, max_top_logprobs: 100, max_samples: 64, raw_completion: true, chat: true }
///   rank_depth: 20
///   native_completion: true
/// </code>
/// </summary>
public sealed record RemoteBackendOptions
{
    /// <summary>The model name sent to the server (for llama-server any name; it serves one model).</summary>
    public required string Model { get; init; }

    /// <summary>A display name for results and reports; defaults to <see cref="Model"/>.</summary>
    public string? Name { get; init; }

    public RemoteServerKind Server { get; init; } = RemoteServerKind.LlamaServer;

    /// <summary>Base URLs of the servers, without "/v1" (e.g. "http://10.0.0.5:8080").</summary>
    public IReadOnlyList<string> Endpoints { get; init; } = [];

    /// <summary>
    /// The environment variable that holds the API key. Only the variable's name is configuration: the key itself is
    /// read at connect time, sent as a bearer token, and never logged, stored or put into an error message.
    /// </summary>
    public string? ApiKeyEnv { get; init; }

    /// <summary>Requests in flight at once, over all endpoints together.</summary>
    public int Concurrency { get; init; } = 4;

    /// <summary>Requests started per minute over all endpoints (retries included); null = no limit.</summary>
    public int? RequestsPerMinute { get; init; }

    /// <summary>Time limit of one HTTP attempt.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>Time limit of one call, all retries and their waits included.</summary>
    public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromMinutes(10);

    public RemoteRetryOptions Retry { get; init; } = new();

    public RemoteCircuitBreakerOptions CircuitBreaker { get; init; } = new();

    /// <summary>What the endpoint can do, where it differs from the defaults of <see cref="Server"/>.</summary>
    public RemoteCapabilityOverrides Capabilities { get; init; } = new();

    /// <summary>
    /// Top alternatives requested per token so that a token's rank can be reported: ranks up to this depth are exact,
    /// a token outside the list gets rank depth+1 (a lower bound). Capped by the endpoint's top-logprobs limit.
    /// </summary>
    public int RankDepth { get; init; } = 20;

    /// <summary>
    /// llama-server only: generate raw-text prompts through the native /completion API (token ids, exact ranks) rather
    /// than /v1/completions. Both give the same text and logprobs.
    /// </summary>
    public bool NativeCompletion { get; init; } = true;
}
