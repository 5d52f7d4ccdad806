using Studies.Backends.Remote.Dto;

namespace Studies.Backends.Remote;

/// <summary>llama-server's native endpoints: /completion, /tokenize, /apply-template, /props, /v1/models.</summary>
internal sealed class LlamaServerApi(RemoteHttpClient http)
{
    public Task<NativeCompletionResponse> CompleteAsync(RemoteEndpoint endpoint, NativeCompletionRequest request, CancellationToken ct) =>
        http.PostAsync(endpoint.BaseUri, "completion", request, RemoteJsonContext.Default.NativeCompletionRequest,
            RemoteJsonContext.Default.NativeCompletionResponse, ct);

    /// <summary>Tokens as the local backend makes them: special-token text is not parsed, BOS is added when asked.</summary>
    public async Task<List<int>> TokenizeAsync(RemoteEndpoint endpoint, string text, bool addSpecial, CancellationToken ct) =>
        (await http.PostAsync(endpoint.BaseUri, "tokenize", new TokenizeRequest(text, addSpecial, ParseSpecial: false),
            RemoteJsonContext.Default.TokenizeRequest, RemoteJsonContext.Default.TokenizeResponse, ct).ConfigureAwait(false)).Tokens;

    public async Task<string> ApplyTemplateAsync(RemoteEndpoint endpoint, IReadOnlyList<ChatMessage> messages, CancellationToken ct)
    {
        var response = await http.PostAsync(endpoint.BaseUri, "apply-template",
            new ApplyTemplateRequest(messages.Select(m => new ChatMessageDto(m.Role, m.Content)).ToArray()),
            RemoteJsonContext.Default.ApplyTemplateRequest, RemoteJsonContext.Default.ApplyTemplateResponse, ct).ConfigureAwait(false);
        return response.Prompt ?? throw new System.Text.Json.JsonException("apply-template returned no prompt.");
    }

    public Task<PropsResponse> PropsAsync(RemoteEndpoint endpoint, CancellationToken ct) =>
        http.GetAsync(endpoint.BaseUri, "props", RemoteJsonContext.Default.PropsResponse, ct);

    public Task<ModelsResponse> ModelsAsync(RemoteEndpoint endpoint, CancellationToken ct) =>
        http.GetAsync(endpoint.BaseUri, "v1/models", RemoteJsonContext.Default.ModelsResponse, ct);
}
