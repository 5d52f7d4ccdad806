using Studies.Backends.Local;

namespace Studies.Experiments.Tests.Kinds;

/// <summary>
/// The real GGUF models of ../shared/models (beside the repository root, found by walking up to Studies.sln). Tests
/// that need them fail with what to do when they are missing: they never skip or pass silently.
/// </summary>
internal static class KindTestModels
{
    public const string Stories260K = "stories260K.gguf";
    public const string Stories260KChat = "stories260K-chat.gguf";

    public static string RepositoryRoot { get; } = FindRoot();

    public static string Directory => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "models"));

    public static string PathOf(string file)
    {
        string path = Path.Combine(Directory, file);
        if (!File.Exists(path))
        {
            Assert.Fail($"Test model {path} is missing. These tests need the shared models folder beside the repository (../shared/models, see DESIGN.md): copy or link it there.");
        }

        return path;
    }

    public static LocalLanguageModel Load(string file) => LocalLanguageModel.Load(PathOf(file), new LocalBackendOptions { Threads = 1 });

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Studies.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"Studies.sln not found above {AppContext.BaseDirectory}: run the tests from the repository.");
    }
}
