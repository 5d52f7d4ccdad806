namespace Studies.Backends.Catalog;

/// <summary>Where Studies keeps per-user state: $STUDIES_CACHE, else ~/.cache/studies.</summary>
public static class StudiesPaths
{
    public static string CacheDirectory =>
        Environment.GetEnvironmentVariable("STUDIES_CACHE") is { Length: > 0 } dir
            ? dir
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "studies");
}
