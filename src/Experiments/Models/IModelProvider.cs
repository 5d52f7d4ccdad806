using Studies.Backends;
using Studies.Experiments.Config;

namespace Studies.Experiments.Models;

/// <summary>
/// Serves the models of one YAML <c>backend:</c> ("local" here; a remote OpenAI-compatible provider registers
/// "remote" the same way). Register implementations in DI as <c>IModelProvider</c>; the engine picks one by
/// <see cref="Backend"/>. Locating is cheap and runs during validation; loading comes after validation succeeds.
/// </summary>
public interface IModelProvider
{
    /// <summary>The <c>backend:</c> value this provider serves.</summary>
    string Backend { get; }

    /// <summary>Finds the model without loading it; says where it looked when it cannot (never throws for user input).</summary>
    ModelLookup Locate(ModelSpec spec);

    /// <summary>Loads (or connects to) the model. Throws <see cref="ModelBackendException"/> with a user-facing message on failure.</summary>
    Task<LoadedModel> LoadAsync(ModelSpec spec, CancellationToken cancellationToken);
}

/// <summary>Where a model was found (a file path or an endpoint), or why it was not.</summary>
public sealed record ModelLookup(string? Location, string? Problem)
{
    public bool Found => Problem is null;

    public static ModelLookup At(string location) => new(location, null);

    public static ModelLookup Missing(string problem) => new(null, problem);
}
