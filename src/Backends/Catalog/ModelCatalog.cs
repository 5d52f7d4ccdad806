using Studies.Backends.Gguf;

namespace Studies.Backends.Catalog;

/// <summary>A GGUF file found on the model search path, described from its header alone.</summary>
public sealed record CatalogEntry(string Name, string Path, GgufFile? Header, string? Problem);

/// <summary>
/// Resolves model names to GGUF files through a search path: $STUDIES_MODELS (colon-separated), ./models,
/// ../shared/models, ~/.cache/studies/models. A name is a file name with or without ".gguf", or a path.
/// </summary>
public sealed class ModelCatalog(IReadOnlyList<string> searchPath)
{
    public const string SearchPathVariable = "STUDIES_MODELS";

    public IReadOnlyList<string> SearchPath { get; } = searchPath;

    /// <summary>The default search path, relative to <paramref name="baseDirectory"/> (the current directory by default).</summary>
    public static ModelCatalog Default(string? baseDirectory = null)
    {
        string root = baseDirectory ?? Directory.GetCurrentDirectory();
        var dirs = new List<string>();
        if (Environment.GetEnvironmentVariable(SearchPathVariable) is { Length: > 0 } env)
        {
            dirs.AddRange(env.Split(':', StringSplitOptions.RemoveEmptyEntries));
        }

        dirs.Add(Path.Combine(root, "models"));
        dirs.Add(Path.Combine(root, "..", "shared", "models"));
        if (InstallRoot() is { } install && install != Path.GetFullPath(root))
        {
            // ./studies run from another folder still finds the models beside its own checkout.
            dirs.Add(Path.Combine(install, "models"));
            dirs.Add(Path.Combine(install, "..", "shared", "models"));
        }

        dirs.Add(Path.Combine(StudiesPaths.CacheDirectory, "models"));
        return new ModelCatalog(dirs.Select(Path.GetFullPath).Distinct().ToArray());
    }

    /// <summary>The checkout the program was built in (the folder holding Studies.sln above the binaries), if any.</summary>
    private static string? InstallRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Studies.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    /// <summary>The file for a name or path, or null when nothing on the search path matches.</summary>
    public string? TryResolve(string nameOrPath)
    {
        if (nameOrPath.Contains('/') || nameOrPath.EndsWith(".gguf", StringComparison.OrdinalIgnoreCase) && File.Exists(nameOrPath))
        {
            return File.Exists(nameOrPath) ? Path.GetFullPath(nameOrPath) : null;
        }

        string file = nameOrPath.EndsWith(".gguf", StringComparison.OrdinalIgnoreCase) ? nameOrPath : nameOrPath + ".gguf";
        return SearchPath.Select(d => Path.Combine(d, file)).FirstOrDefault(File.Exists);
    }

    /// <summary>Resolves or throws one clear error listing where it looked and what is there.</summary>
    public string Resolve(string nameOrPath)
    {
        if (TryResolve(nameOrPath) is { } path)
        {
            return path;
        }

        var known = List().Select(e => e.Name).ToArray();
        string suggestion = known.Length > 0 ? $" Known models: {string.Join(", ", known)}." : "";
        throw new ModelFileException(nameOrPath,
            $"model not found. Looked in {string.Join(", ", SearchPath)} (set {SearchPathVariable} to add folders).{suggestion}");
    }

    /// <summary>Every GGUF file on the search path (first occurrence of a name wins).</summary>
    public IReadOnlyList<CatalogEntry> List()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var entries = new List<CatalogEntry>();
        foreach (string dir in SearchPath.Where(Directory.Exists))
        {
            foreach (string file in Directory.GetFiles(dir, "*.gguf").Order(StringComparer.Ordinal))
            {
                string name = Path.GetFileNameWithoutExtension(file);
                if (!seen.Add(name))
                {
                    continue;
                }

                try
                {
                    entries.Add(new CatalogEntry(name, file, GgufReader.Read(file), null));
                }
                catch (ModelFileException e)
                {
                    entries.Add(new CatalogEntry(name, file, null, e.Message));
                }
            }
        }

        return entries;
    }
}
