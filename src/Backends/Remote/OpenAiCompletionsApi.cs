using Studies.Backends.Remote.Dto;

namespace Studies.Backends.Remote;

/// <summary>The OpenAI-compatible raw completions endpoint and model list (Semantic Kernel has no text-completion service for these).</summary>
internal sealed class OpenAiCompletionsApi(RemoteHttpClient http)
{
    public Task<OpenAiCompletionResponse> CompleteAsync(RemoteEndpoint endpoint, OpenAiCompletionRequest request, CancellationToken ct) =>
        http.PostAsync(endpoint.BaseUri, "v1/completions", request, RemoteJsonContext.Default.OpenAiCompletionRequest,
            RemoteJsonContext.Default.OpenAiCompletionResponse, ct);

    public Task<ModelsResponse> ModelsAsync(RemoteEndpoint endpoint, CancellationToken ct) =>
        http.GetAsync(endpoint.BaseUri, "v1/models", RemoteJsonContext.Default.ModelsResponse, ct);

    public Task<VllmTokenizeResponse> VllmTokenizeAsync(RemoteEndpoint endpoint, string model, string text, bool addSpecial, CancellationToken ct) =>
        http.PostAsync(endpoint.BaseUri, "tokenize", new VllmTokenizeRequest(model, text, addSpecial),
            RemoteJsonContext.Default.VllmTokenizeRequest, RemoteJsonContext.Default.VllmTokenizeResponse, ct);
}
