namespace Studies.Experiments.Tests;

/// <summary>
/// Paths the tests need: the repository root (found by walking up to Studies.sln), the shared models beside it and
/// scratch folders that are deleted afterwards.
/// </summary>
public static class TestPaths
{
    public const string TinyStories656K = "TinyStories-656K.gguf";
    public const string TinyStories656KChat = "TinyStories-656K-chat.gguf";
    public const string Stories260K = "stories260K.gguf";

    public static string RepositoryRoot { get; } = FindRoot();

    public static string ModelsDirectory => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "models"));

    public static string Model(string file)
    {
        string path = Path.Combine(ModelsDirectory, file);
        if (!File.Exists(path))
        {
            Assert.Fail($"Test model {path} is missing. The tests need the shared models folder beside the repository (../shared/models, see DESIGN.md); copy or link it there.");
        }

        return path;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Studies.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Studies.sln not found above the test binaries.");
    }
}

/// <summary>A temporary folder for one test, removed on dispose.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "studies-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name, string content)
    {
        string path = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
