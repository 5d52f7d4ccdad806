using Studies.Experiments.Config;
using Studies.Experiments.Models;

namespace Studies.Experiments.Tests.Fakes;

/// <summary>Serves <c>backend: fake</c> models by name from a factory (so a test can hold on to the model it injects).</summary>
public sealed class FakeModelProvider(Func<string, FakeLanguageModel> create, params string[] names) : IModelProvider
{
    public string Backend => "fake";

    public List<FakeLanguageModel> Loaded { get; } = [];

    public ModelLookup Locate(ModelSpec spec) =>
        names.Contains(spec.Name)
            ? ModelLookup.At("memory://" + spec.Name)
            : ModelLookup.Missing($"model '{spec.Name}' not found. Looked in the fake catalog ({string.Join(", ", names)}).");

    public Task<LoadedModel> LoadAsync(ModelSpec spec, CancellationToken cancellationToken)
    {
        var model = create(spec.Name!);
        lock (Loaded)
        {
            Loaded.Add(model);
        }

        return Task.FromResult(new LoadedModel(spec, model, 1));
    }
}
