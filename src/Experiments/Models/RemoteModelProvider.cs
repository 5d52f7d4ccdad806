using Microsoft.Extensions.Logging;
using Studies.Backends.Remote;
using Studies.Experiments.Config;

namespace Studies.Experiments.Models;

/// <summary>
/// OpenAI-compatible servers (backend: remote): url, model, api_key_env and concurrency from YAML. Several URLs
/// separated by commas form a pool. The server kind defaults to llama-server; capabilities are probed on connect.
/// </summary>
public sealed class RemoteModelProvider(ILoggerFactory loggerFactory) : IModelProvider
{
    public string Backend => "remote";

    public ModelLookup Locate(ModelSpec spec)
    {
        if (string.IsNullOrWhiteSpace(spec.Url))
        {
            return ModelLookup.Missing("a remote model needs url: (the server's base URL, e.g. http://127.0.0.1:8080/v1).");
        }

        var bad = Endpoints(spec).Where(u => !Uri.TryCreate(u, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")).ToList();
        return bad.Count > 0
            ? ModelLookup.Missing($"url '{bad[0]}' is not an http(s) URL.")
            : ModelLookup.At(string.Join(",", Endpoints(spec)));
    }

    public async Task<LoadedModel> LoadAsync(ModelSpec spec, CancellationToken cancellationToken)
    {
        var options = new RemoteBackendOptions
        {
            Model = spec.RemoteModel ?? spec.Name ?? "default",
            Name = spec.DisplayName,
            Endpoints = Endpoints(spec),
            ApiKeyEnv = spec.ApiKeyEnv,
            Concurrency = spec.Concurrency ?? 4,
        };
        var model = await RemoteLanguageModel.ConnectAsync(options, loggerFactory, cancellationToken).ConfigureAwait(false);
        return new LoadedModel(spec, model, options.Concurrency);
    }

    /// <summary>The configured URLs without a trailing "/v1" (the client adds the API paths).</summary>
    private static IReadOnlyList<string> Endpoints(ModelSpec spec) =>
        (spec.Url ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(u => u.TrimEnd('/'))
            .Select(u => u.EndsWith("/v1", StringComparison.Ordinal) ? u[..^3] : u)
            .ToArray();
}
