using System.Collections.Concurrent;
using System.Text;

namespace Studies.Backends.Remote;

/// <summary>
/// Rendering and token counting, from the server where it can (llama-server: /apply-template and /tokenize; vLLM:
/// /tokenize). Elsewhere a chat prompt renders as "role: content" lines (the server applies the real template) and token
/// counts are estimated as one token per 3 UTF-8 bytes, an overestimate for common tokenizers so context checks stay safe.
/// Results are memoised: the same prompts are rendered and counted again and again during a study.
/// </summary>
internal sealed class RemoteTextServices(RemoteServerKind kind, string model, LlamaServerApi llama, OpenAiCompletionsApi openAi, RemoteRequestExecutor executor)
{
    private const int MaxCached = 4096;
    private readonly ConcurrentDictionary<string, string> _rendered = new();
    private readonly ConcurrentDictionary<string, int> _counts = new();

    public async Task<string> RenderAsync(ModelPrompt prompt, CancellationToken ct)
    {
        if (!prompt.IsChat)
        {
            return prompt.Text!;
        }

        if (kind != RemoteServerKind.LlamaServer)
        {
            var sb = new StringBuilder();
            foreach (var m in prompt.Messages!)
            {
                sb.Append(m.Role).Append(": ").Append(m.Content).Append('\n');
            }

            return sb.Append("assistant:").ToString();
        }

        string key = string.Join("\u0001", prompt.Messages!.Select(m => m.Role + "\u0002" + m.Content));
        if (_rendered.TryGetValue(key, out var cached))
        {
            return cached;
        }

        string text = await executor.ExecuteAsync("render chat template", (e, t) => llama.ApplyTemplateAsync(e, prompt.Messages!, t), ct).ConfigureAwait(false);
        Remember(_rendered, key, text);
        return text;
    }

    public async Task<int> CountTokensAsync(string text, CancellationToken ct)
    {
        if (_counts.TryGetValue(text, out int cached))
        {
            return cached;
        }

        int count = kind switch
        {
            RemoteServerKind.LlamaServer => (await TokenizeAsync(text, addSpecial: false, ct).ConfigureAwait(false)).Count,
            RemoteServerKind.Vllm => (await executor.ExecuteAsync("tokenize", (e, t) => openAi.VllmTokenizeAsync(e, model, text, false, t), ct).ConfigureAwait(false)).Count,
            _ => (Encoding.UTF8.GetByteCount(text) + 2) / 3,
        };
        Remember(_counts, text, count);
        return count;
    }

    /// <summary>Token ids (llama-server only), without parsing special-token text, as the local backend tokenizes.</summary>
    public Task<List<int>> TokenizeAsync(string text, bool addSpecial, CancellationToken ct) =>
        executor.ExecuteAsync("tokenize", (e, t) => llama.TokenizeAsync(e, text, addSpecial, t), ct);

    private static void Remember<T>(ConcurrentDictionary<string, T> cache, string key, T value)
    {
        if (cache.Count >= MaxCached)
        {
            cache.Clear();
        }

        cache[key] = value;
    }
}
