namespace Studies.Backends.Remote;

/// <summary>The kind of OpenAI-compatible server; it decides the default capabilities and which extra APIs are used.</summary>
public enum RemoteServerKind
{
    /// <summary>llama.cpp's llama-server: native /completion (token ids, exact logprobs), /tokenize, /apply-template.</summary>
    LlamaServer,

    /// <summary>vLLM: /v1/completions with echo for prompt scoring, /tokenize.</summary>
    Vllm,

    /// <summary>The OpenAI API: chat only, top_logprobs at most 20, no prompt scoring.</summary>
    OpenAI,

    /// <summary>Ollama's OpenAI-compatible API.</summary>
    Ollama,
}

/// <summary>The names used in YAML ("llama-server", "vllm", "openai", "ollama").</summary>
public static class RemoteServerKinds
{
    public static IReadOnlyList<string> Names { get; } = ["llama-server", "vllm", "openai", "ollama"];

    public static RemoteServerKind Parse(string name) => TryParse(name, out var kind)
        ? kind
        : throw new ModelBackendException($"Unknown remote server kind \"{name}\": use one of {string.Join(", ", Names)}.");

    public static bool TryParse(string? name, out RemoteServerKind kind)
    {
        switch (name?.Trim().ToLowerInvariant().Replace('_', '-'))
        {
            case "llama-server" or "llamaserver" or "llama.cpp" or "llamacpp":
                kind = RemoteServerKind.LlamaServer;
                return true;
            case "vllm":
                kind = RemoteServerKind.Vllm;
                return true;
            case "openai":
                kind = RemoteServerKind.OpenAI;
                return true;
            case "ollama":
                kind = RemoteServerKind.Ollama;
                return true;
            default:
                kind = default;
                return false;
        }
    }

    public static string ToName(this RemoteServerKind kind) => kind switch
    {
        RemoteServerKind.LlamaServer => "llama-server",
        RemoteServerKind.Vllm => "vllm",
        RemoteServerKind.OpenAI => "openai",
        RemoteServerKind.Ollama => "ollama",
        _ => kind.ToString(),
    };
}
