using Studies.Backends.Local;

namespace Studies.Analysis.Tests.TokenShift;

/// <summary>
/// Locates the real GGUF models in ../shared/models beside the repository. Missing models fail the test with what to
/// do — token shift is only meaningful on a real base/assistant pair, so these tests never skip.
/// </summary>
internal static class SharedModels
{
    public const string Stories260K = "stories260K.gguf";
    public const string Stories260KChat = "stories260K-chat.gguf";
    public const string TinyStories656KChat = "TinyStories-656K-chat.gguf";

    public static string Folder { get; } = FindFolder();

    public static LocalLanguageModel Load(string file)
    {
        string path = Path.Combine(Folder, file);
        if (!File.Exists(path))
            Assert.Fail($"Model {path} is missing. The token-shift tests need the shared models folder (../shared/models beside the repository; see DESIGN.md): copy or link it there.");
        return LocalLanguageModel.Load(path, new LocalBackendOptions { Threads = 1 });
    }

    private static string FindFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Studies.sln")))
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "models"));
        }

        throw new InvalidOperationException($"Studies.sln was not found above {AppContext.BaseDirectory}; run the tests from the repository's build output.");
    }
}
