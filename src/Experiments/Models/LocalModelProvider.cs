using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Studies.Backends;
using Studies.Backends.Catalog;
using Studies.Backends.Local;
using Studies.Experiments.Config;

namespace Studies.Experiments.Models;

/// <summary>
/// The in-process llama.cpp backend. A model is found by path, or by name on the search path of the study file's
/// folder and of the current folder (<see cref="ModelCatalog.Default"/>: $STUDIES_MODELS, ./models, ../shared/models,
/// the user cache). Threads, contexts and chat template from YAML override the configured <see cref="LocalBackendOptions"/>.
/// </summary>
public sealed class LocalModelProvider(IOptions<LocalBackendOptions> options, ILoggerFactory loggerFactory) : IModelProvider
{
    public string Backend => "local";

    public ModelLookup Locate(ModelSpec spec)
    {
        if (spec.Path is not null)
        {
            return File.Exists(spec.Path)
                ? ModelLookup.At(spec.Path)
                : ModelLookup.Missing($"model file '{spec.Path}' not found: check path: (it is relative to the study file's folder).");
        }

        if (spec.Name is null)
        {
            return ModelLookup.Missing("a local model needs name: or path:.");
        }

        var catalog = CatalogFor(spec);
        if (catalog.TryResolve(spec.Name) is { } found)
        {
            return ModelLookup.At(found);
        }

        var known = catalog.List().Select(e => e.Name).ToArray();
        string suggestion = Suggestions.DidYouMean(spec.Name, known);
        string listing = known.Length > 0 ? $" Models there: {string.Join(", ", known)}." : "";
        return ModelLookup.Missing(
            $"model '{spec.Name}' not found.{suggestion} Looked in {string.Join(", ", catalog.SearchPath)} (set {ModelCatalog.SearchPathVariable} to add folders, or give path: to the .gguf file).{listing}");
    }

    public async Task<LoadedModel> LoadAsync(ModelSpec spec, CancellationToken cancellationToken)
    {
        var lookup = Locate(spec);
        if (!lookup.Found)
        {
            throw new ModelFileException(spec.Name ?? spec.Path ?? "model", lookup.Problem!);
        }

        var settings = options.Value with
        {
            Threads = spec.Threads ?? options.Value.Threads,
            Contexts = spec.Contexts ?? options.Value.Contexts,
            ChatTemplate = spec.ChatTemplate ?? options.Value.ChatTemplate,
        };

        // Loading reads the file and hashes it (cached): keep it off the caller's thread.
        var model = await Task.Run(
            () => LocalLanguageModel.Load(lookup.Location!, settings, loggerFactory.CreateLogger<LocalLanguageModel>(), spec.DisplayName),
            cancellationToken).ConfigureAwait(false);
        // As many trials at once as the model has contexts (one per core by default; concurrency: lowers it). Which
        // context a trial lands on depends on timing, but a prompt scores bit for bit the same whatever its context
        // held (see LlamaContext.EvaluatePrompt), so concurrent runs equal one-at-a-time runs exactly.
        return new LoadedModel(spec, model, model.Contexts);
    }

    private static ModelCatalog CatalogFor(ModelSpec spec)
    {
        var dirs = new List<string>();
        if (spec.SearchDirectory.Length > 0)
        {
            dirs.AddRange(ModelCatalog.Default(spec.SearchDirectory).SearchPath);
        }

        dirs.AddRange(ModelCatalog.Default().SearchPath);
        return new ModelCatalog(dirs.Distinct().ToArray());
    }
}
