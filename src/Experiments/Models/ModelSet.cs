using Studies.Experiments.Config;

namespace Studies.Experiments.Models;

/// <summary>
/// The models of a run, each loaded once however many studies use it (by <see cref="ModelSpec.Identity"/>), in the
/// order they first appear in the study file. Disposing unloads them.
/// </summary>
public sealed class ModelSet(IReadOnlyList<LoadedModel> models) : IAsyncDisposable
{
    private readonly Dictionary<string, LoadedModel> _byIdentity =
        models.ToDictionary(m => m.Spec.Identity, StringComparer.Ordinal);

    public IReadOnlyList<LoadedModel> Models { get; } = models;

    public LoadedModel? Find(ModelSpec spec) => _byIdentity.GetValueOrDefault(spec.Identity);

    public int IndexOf(LoadedModel model)
    {
        for (int i = 0; i < Models.Count; i++)
        {
            if (ReferenceEquals(Models[i], model))
            {
                return i;
            }
        }

        return -1;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var model in Models)
        {
            await model.DisposeAsync().ConfigureAwait(false);
        }
    }
}
