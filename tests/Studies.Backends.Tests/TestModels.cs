using Studies.Backends.Local;

namespace Studies.Backends.Tests;

/// <summary>
/// The real GGUF models of ../shared/models (beside the repository). Tests fail, with what to do, when they are
/// missing: they never pass silently.
/// </summary>
public static class TestModels
{
    public const string Stories260K = "stories260K.gguf";
    public const string Stories260KChat = "stories260K-chat.gguf";
    public const string TinyStories656K = "TinyStories-656K.gguf";
    public const string TinyStories656KChat = "TinyStories-656K-chat.gguf";
    public const string TinyStoriesQ8 = "TinyStories-656K-Q8_0.gguf";
    public const string LlamaRandom = "llama-2-tiny-random.gguf";

    public static string RepositoryRoot { get; } = FindRoot();

    public static string Directory => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "models"));

    public static string PathOf(string file)
    {
        string path = Path.Combine(Directory, file);
        if (!File.Exists(path))
        {
            Assert.Fail($"Test model {path} is missing. The tests need the shared models folder beside the repository (../shared/models, see DESIGN.md); copy or link it there.");
        }

        return path;
    }

    public static LocalLanguageModel Load(string file, LocalBackendOptions? options = null) =>
        LocalLanguageModel.Load(PathOf(file), options);

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
