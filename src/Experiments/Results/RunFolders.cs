using System.Globalization;
using System.Text.Json;

namespace Studies.Experiments.Results;

/// <summary>Naming and finding run folders: results/&lt;config-name&gt;-&lt;UTC yyyyMMdd-HHmmss&gt;.</summary>
public static class RunFolders
{
    public const string ManifestFile = "manifest.json";

    /// <summary>A new folder name for a run started now (a suffix keeps two runs in one second apart).</summary>
    public static string NewFolder(string resultsRoot, string configName, DateTimeOffset utcNow)
    {
        string stem = Path.Combine(resultsRoot, $"{configName}-{utcNow.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}");
        string folder = stem;
        for (int i = 2; Directory.Exists(folder); i++)
        {
            folder = $"{stem}-{i}";
        }

        return folder;
    }

    /// <summary>The newest run folder of this config name whose manifest has this config hash (null when none).</summary>
    public static string? FindResumable(string resultsRoot, string configName, string configHash)
    {
        if (!Directory.Exists(resultsRoot))
        {
            return null;
        }

        return Directory.GetDirectories(resultsRoot, configName + "-*")
            .Where(d => IsRunFolderName(Path.GetFileName(d), configName))
            .OrderByDescending(d => Path.GetFileName(d), StringComparer.Ordinal)
            .FirstOrDefault(d => ReadManifest(d)?.ConfigHash == configHash);
    }

    /// <summary>The manifest of a run folder, or null when it has none or it cannot be read.</summary>
    public static RunManifest? ReadManifest(string folder)
    {
        try
        {
            string path = Path.Combine(folder, ManifestFile);
            return File.Exists(path) ? JsonSerializer.Deserialize(File.ReadAllText(path), ResultsJsonContext.Default.RunManifest) : null;
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static bool IsRunFolderName(string name, string configName)
    {
        // <config>-yyyyMMdd-HHmmss[-n]: the config name itself may contain dashes.
        string rest = name[(configName.Length + 1)..];
        return rest.Length >= 15 && rest[8] == '-' && rest[..8].All(char.IsAsciiDigit) && rest[9..15].All(char.IsAsciiDigit);
    }
}
