namespace Studies.Backends.Remote;

/// <summary>What each kind of server can do, as far as its API allows; options override per endpoint.</summary>
public static class RemoteCapabilityDefaults
{
    public static BackendCapabilities For(RemoteServerKind kind) => kind switch
    {
        // Prompt scoring by forcing the candidate's tokens with a token-level grammar; probabilities are the raw
        // softmax over the whole vocabulary. n_probs has no server-side cap; 100 keeps responses small.
        RemoteServerKind.LlamaServer => new BackendCapabilities
        {
            PromptScoring = true, MaxTopLogprobs = 100, GenerationLogprobs = true, MaxSamples = 64,
            RawCompletion = true, Chat = true, Deterministic = true,
        },

        // vLLM returns prompt logprobs with echo; its default --max-logprobs is 20. Continuous batching makes outputs
        // depend on the other requests in flight.
        RemoteServerKind.Vllm => new BackendCapabilities
        {
            PromptScoring = true, MaxTopLogprobs = 20, GenerationLogprobs = true, MaxSamples = 64,
            RawCompletion = true, Chat = true, Deterministic = false,
        },

        // The OpenAI API dropped echo/logprobs on prompts and the legacy completions API for current models.
        RemoteServerKind.OpenAI => new BackendCapabilities
        {
            PromptScoring = false, MaxTopLogprobs = 20, GenerationLogprobs = true, MaxSamples = 64,
            RawCompletion = false, Chat = true, Deterministic = false,
        },

        // Ollama has no prompt logprobs; recent versions return generation logprobs.
        RemoteServerKind.Ollama => new BackendCapabilities
        {
            PromptScoring = false, MaxTopLogprobs = 20, GenerationLogprobs = true, MaxSamples = 64,
            RawCompletion = true, Chat = true, Deterministic = false,
        },
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static BackendCapabilities Resolve(RemoteServerKind kind, RemoteCapabilityOverrides overrides)
    {
        var d = For(kind);
        return d with
        {
            PromptScoring = overrides.PromptScoring ?? d.PromptScoring,
            MaxTopLogprobs = overrides.MaxTopLogprobs ?? d.MaxTopLogprobs,
            MaxSamples = overrides.MaxSamples ?? d.MaxSamples,
            RawCompletion = overrides.RawCompletion ?? d.RawCompletion,
            Chat = overrides.Chat ?? d.Chat,
            GenerationLogprobs = overrides.GenerationLogprobs ?? d.GenerationLogprobs,
            Deterministic = overrides.Deterministic ?? d.Deterministic,
        };
    }
}
