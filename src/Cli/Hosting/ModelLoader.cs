using Microsoft.Extensions.Logging;
using Studies.Backends.Catalog;
using Studies.Backends.Local;

namespace Studies.Cli.Hosting;

/// <summary>Resolves a model name through the catalog and loads it in-process.</summary>
internal sealed class ModelLoader(ModelCatalog catalog, ILoggerFactory loggers)
{
    public LocalLanguageModel LoadLocal(string nameOrPath, LocalBackendOptions options)
    {
        string path = catalog.Resolve(nameOrPath);
        return LocalLanguageModel.Load(path, options, loggers.CreateLogger("Studies.Backends.Local"), Path.GetFileNameWithoutExtension(path));
    }
}
