using Microsoft.Extensions.Logging;
using Studies.Backends;
using Studies.Experiments.Config;
using Studies.Experiments.Kinds;

namespace Studies.Experiments.Models;

/// <summary>Loads the distinct models of a set of studies through their providers; a model that fails to load is a problem, not an exception.</summary>
public sealed class ModelLoader(ModelProviders providers, ILogger<ModelLoader> logger)
{
    public async Task<ModelSet> LoadAsync(IEnumerable<ModelSpec> specs, ICollection<StudyProblem> problems, CancellationToken cancellationToken)
    {
        var loaded = new List<LoadedModel>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            foreach (var spec in specs)
            {
                if (!seen.Add(spec.Identity))
                {
                    continue;
                }

                if (providers.Find(spec.Backend) is not { } provider)
                {
                    problems.Add(new StudyProblem(spec.Location, providers.Unknown(spec.Backend)));
                    continue;
                }

                try
                {
                    logger.LogInformation("Loading model {Model} ({Backend})", spec.DisplayName, spec.Backend);
                    loaded.Add(await provider.LoadAsync(spec, cancellationToken).ConfigureAwait(false));
                }
                catch (ModelBackendException e)
                {
                    problems.Add(new StudyProblem(spec.Location, $"model '{spec.DisplayName}' cannot be loaded: {e.Message}"));
                }
            }
        }
        catch
        {
            foreach (var model in loaded)
            {
                await model.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }

        return new ModelSet(loaded);
    }
}
