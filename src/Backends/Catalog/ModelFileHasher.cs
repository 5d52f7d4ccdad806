using System.Security.Cryptography;
using System.Text.Json;

namespace Studies.Backends.Catalog;

/// <summary>
/// sha256 of model files, cached by (full path, size, mtime) in the user cache so large files are hashed once.
/// </summary>
public static class ModelFileHasher
{
    private static readonly Lock Gate = new();

    public static string CacheFile => Path.Combine(StudiesPaths.CacheDirectory, "sha256-cache.json");

    public static string Sha256(string path)
    {
        var file = new FileInfo(path);
        string key = $"{file.FullName}|{file.Length}|{file.LastWriteTimeUtc.Ticks}";
        lock (Gate)
        {
            var cache = Load();
            if (cache.TryGetValue(key, out string? known))
            {
                return known;
            }

            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
            string hash = Convert.ToHexStringLower(SHA256.HashData(stream));
            cache[key] = hash;
            Save(cache);
            return hash;
        }
    }

    private static Dictionary<string, string> Load()
    {
        try
        {
            return File.Exists(CacheFile)
                ? JsonSerializer.Deserialize(File.ReadAllText(CacheFile), CatalogJsonContext.Default.DictionaryStringString) ?? []
                : [];
        }
        catch (Exception e) when (e is IOException or JsonException)
        {
            return []; // a damaged cache is only a cache
        }
    }

    private static void Save(Dictionary<string, string> cache)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(CacheFile)!);
            string tmp = CacheFile + $".{Environment.ProcessId}.tmp";
            File.WriteAllText(tmp, JsonSerializer.Serialize(cache, CatalogJsonContext.Default.DictionaryStringString));
            File.Move(tmp, CacheFile, overwrite: true);
        }
        catch (IOException)
        {
            // Not being able to cache is not an error.
        }
    }
}
