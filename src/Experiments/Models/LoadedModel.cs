using Studies.Backends;
using Studies.Experiments.Config;
using Studies.Experiments.Model;

namespace Studies.Experiments.Models;

/// <summary>A model ready for trials, with how many trials may run on it at once and the role it plays.</summary>
public sealed class LoadedModel(ModelSpec spec, ILanguageModel model, int concurrency) : IAsyncDisposable
{
    public ModelSpec Spec { get; } = spec;

    public ILanguageModel Model { get; } = model;

    /// <summary>Trials in flight at once (the local backend: its context count; a remote one: its request limit).</summary>
    public int Concurrency { get; } = Math.Max(1, spec.Concurrency ?? concurrency);

    /// <summary>As declared, else an assistant when the model has a chat template, a base model otherwise.</summary>
    public ModelRole Role { get; } = spec.Role ?? (model.Capabilities.Chat ? ModelRole.Assistant : ModelRole.Base);

    /// <summary>The name results use.</summary>
    public string Name => Spec.DisplayName;

    public ValueTask DisposeAsync() => Model.DisposeAsync();
}
