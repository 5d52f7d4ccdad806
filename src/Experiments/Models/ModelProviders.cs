using Studies.Experiments.Config;

namespace Studies.Experiments.Models;

/// <summary>The registered <see cref="IModelProvider"/>s by backend name.</summary>
public sealed class ModelProviders
{
    private readonly Dictionary<string, IModelProvider> _byBackend;

    public ModelProviders(IEnumerable<IModelProvider> providers)
    {
        _byBackend = new Dictionary<string, IModelProvider>(StringComparer.Ordinal);
        foreach (var provider in providers)
        {
            if (!_byBackend.TryAdd(provider.Backend, provider))
            {
                throw new InvalidOperationException($"Two model providers are registered for backend '{provider.Backend}'.");
            }
        }
    }

    public IReadOnlyCollection<string> Backends => _byBackend.Keys;

    public IModelProvider? Find(string backend) => _byBackend.GetValueOrDefault(backend);

    /// <summary>A user-facing message for a backend nobody serves.</summary>
    public string Unknown(string backend) =>
        $"no backend '{backend}' is available.{Suggestions.DidYouMean(backend, Backends)} Available: {string.Join(", ", Backends.Order(StringComparer.Ordinal))}.";
}
