using System.Text.Json;
using Microsoft.Extensions.Logging;
using Studies.Experiments.Results;

namespace Studies.Analysis.Diff;

/// <summary>
/// Reads a results folder for a diff. Anything that makes the folder unusable becomes one <see cref="DiffInputException"/>
/// line; a torn last line of trials.jsonl is tolerated (<see cref="TrialLog.ReadAll"/> repairs or skips it).
/// </summary>
public static class RunResultsReader
{
    public static RunResults Read(string folder, ILogger? logger = null)
    {
        if (string.IsNullOrWhiteSpace(folder))
        {
            throw new DiffInputException("a results folder is required (results/<config>-<time>).");
        }

        string full = Path.GetFullPath(folder);
        if (File.Exists(full))
        {
            throw new DiffInputException($"{folder} is a file: give the run's folder (results/<config>-<time>), which holds manifest.json and trials.jsonl.");
        }

        if (!Directory.Exists(full))
        {
            throw new DiffInputException($"results folder not found: {folder}");
        }

        string trials = Path.Combine(full, TrialLog.FileName);
        if (!File.Exists(trials))
        {
            throw new DiffInputException($"{folder} has no {TrialLog.FileName}: it is not a results folder (`studies run` writes results/<config>-<time>/).");
        }

        var manifest = ReadManifest(full, folder);
        try
        {
            return new RunResults(full, manifest, TrialLog.ReadAll(full, logger));
        }
        catch (TrialLogException e)
        {
            throw new DiffInputException(e.Message, e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DiffInputException($"cannot read {trials}: {e.Message}", e);
        }
    }

    private static RunManifest ReadManifest(string full, string folder)
    {
        string path = Path.Combine(full, RunFolders.ManifestFile);
        if (!File.Exists(path))
        {
            throw new DiffInputException($"{folder} has no {RunFolders.ManifestFile}: it is not a results folder, or its run never started.");
        }

        try
        {
            return JsonSerializer.Deserialize(File.ReadAllText(path), ResultsJsonContext.Default.RunManifest)
                ?? throw new DiffInputException($"cannot read {path}: it holds null instead of a run manifest.");
        }
        catch (JsonException e)
        {
            throw new DiffInputException($"cannot read {path}: {OneLine(e.Message)}", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DiffInputException($"cannot read {path}: {OneLine(e.Message)}", e);
        }
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
