using System.Text;
using Studies.Experiments.Kinds;
using Studies.Experiments.Model;
using Studies.Experiments.Yaml;

namespace Studies.Experiments.Config;

/// <summary>The result of reading a study file: the file (null when it could not be read or parsed) and every problem found.</summary>
public sealed record StudyFileLoadResult(StudyFile? File, IReadOnlyList<StudyProblem> Problems)
{
    public bool Succeeded => File is not null && Problems.Count == 0;
}

/// <summary>
/// Reads a YAML study file into a <see cref="StudyFile"/>: syntax, unknown keys and wrong types. Whether kinds,
/// datasets and models exist is the <see cref="Validation.StudyValidator"/>'s job.
/// </summary>
public static class StudyFileLoader
{
    public static StudyFileLoadResult Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            string what = e is FileNotFoundException or DirectoryNotFoundException ? "not found" : $"cannot be read ({e.Message})";
            return new StudyFileLoadResult(null, [new StudyProblem(new SourceLocation(path, 0, 0),
                $"the study file {what}: check the path (looked at {Path.GetFullPath(path)}).")]);
        }

        return Parse(text, path);
    }

    /// <summary>Parses study-file text; <paramref name="path"/> names it in messages and anchors relative paths.</summary>
    public static StudyFileLoadResult Parse(string text, string path)
    {
        var problems = new List<StudyProblem>();
        var root = YamlTreeReader.Read(text, path, problems);
        if (problems.Count > 0 && root is null)
        {
            return new StudyFileLoadResult(null, problems);
        }

        var file = StudyFileBinder.Bind(root, path, Path.GetFullPath(path), problems);
        return new StudyFileLoadResult(file, problems);
    }
}
