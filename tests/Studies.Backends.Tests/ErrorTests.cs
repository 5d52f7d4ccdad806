using Studies.Backends.Gguf;
using Studies.Backends.Local;

namespace Studies.Backends.Tests;

/// <summary>Every user mistake is one clear exception with what to do, and the process survives it.</summary>
public sealed class ErrorTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("studies-errors-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void MissingFile()
    {
        var e = Assert.Throws<ModelFileException>(() => LocalLanguageModel.Load(Path.Combine(_dir, "nope.gguf")));
        Assert.Contains("file not found", e.Message);
    }

    [Fact]
    public void NotAGguf()
    {
        string path = Write("text.gguf", "this is a text file, not a model"u8.ToArray());
        var e = Assert.Throws<ModelFileException>(() => LocalLanguageModel.Load(path));
        Assert.Contains("not a GGUF file", e.Message);
    }

    [Fact]
    public void EmptyFile()
    {
        string path = Write("empty.gguf", []);
        Assert.Contains("not a GGUF file", Assert.Throws<ModelFileException>(() => LocalLanguageModel.Load(path)).Message);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.97)]
    public void TruncatedFile(double keep)
    {
        byte[] bytes = File.ReadAllBytes(TestModels.PathOf(TestModels.TinyStories656K));
        string path = Write("truncated.gguf", bytes[..(int)(bytes.Length * keep)]);
        var e = Assert.Throws<ModelFileException>(() => LocalLanguageModel.Load(path));
        Assert.Contains("truncated", e.Message);
    }

    [Fact]
    public void TruncatedInsideTheHeader()
    {
        byte[] bytes = File.ReadAllBytes(TestModels.PathOf(TestModels.Stories260K));
        string path = Write("header.gguf", bytes[..200]);
        Assert.Contains("truncated", Assert.Throws<ModelFileException>(() => LocalLanguageModel.Load(path)).Message);
    }

    [Fact]
    public void CorruptHeaderCounts()
    {
        byte[] bytes = File.ReadAllBytes(TestModels.PathOf(TestModels.Stories260K));
        BitConverter.GetBytes(ulong.MaxValue / 2).CopyTo(bytes, 8); // tensor count
        string path = Write("corrupt.gguf", bytes);
        Assert.Contains("corrupt or truncated GGUF header", Assert.Throws<ModelFileException>(() => LocalLanguageModel.Load(path)).Message);
    }

    [Fact]
    public async Task CorruptTensorTableIsRefusedAndTheProcessSurvives()
    {
        byte[] bytes = File.ReadAllBytes(TestModels.PathOf(TestModels.Stories260K));
        var header = GgufReader.Read(TestModels.PathOf(TestModels.Stories260K));
        // Overwrite the metadata region with garbage: the header no longer parses.
        new Random(1).NextBytes(bytes.AsSpan(24, (int)header.DataOffset / 2));
        string path = Write("garbage.gguf", bytes);
        Assert.ThrowsAny<ModelBackendException>(() => LocalLanguageModel.Load(path));

        // Still alive and working.
        await using var model = TestModels.Load(TestModels.Stories260K);
        Assert.NotEmpty((await model.GenerateAsync(new GenerationRequest { Prompt = ModelPrompt.Raw("Once"), MaxTokens = 2 })).Text);
    }

    [Fact]
    public async Task PromptLongerThanTheContextSaysBothLengths()
    {
        await using var model = TestModels.Load(TestModels.TinyStories656K);
        string prompt = string.Concat(Enumerable.Repeat("Tom and Lily play with a big red ball in the park. ", 200));
        var e = await Assert.ThrowsAsync<PromptTooLongException>(() => model.GenerateAsync(new GenerationRequest { Prompt = ModelPrompt.Raw(prompt) }));
        Assert.Equal(512, e.ContextLength);
        Assert.True(e.PromptTokens > 512);
        Assert.Contains($"{e.PromptTokens} tokens", e.Message);
        Assert.Contains("holds 512", e.Message);
    }

    [Fact]
    public async Task TextOutsideTheVocabularyIsRefusedBeforeLlamaCppSeesIt()
    {
        await using var model = TestModels.Load(TestModels.TinyStories656K);
        Assert.Equal(["#", "é", "@"], model.FindUnencodable("Price #1 café @ noon"));
        var e = await Assert.ThrowsAsync<UnencodableTextException>(() =>
            model.GenerateAsync(new GenerationRequest { Prompt = ModelPrompt.Raw("A café") }));
        Assert.Contains("'é' (U+00E9)", e.Message);
        Assert.Contains("no byte fallback", e.Message);
        await Assert.ThrowsAsync<UnencodableTextException>(() =>
            model.ScoreAsync(new ScoringRequest { Prefix = ModelPrompt.Raw("Hi"), Candidates = [" #"] }));
    }

    [Fact]
    public async Task EveryCharacterTheGuardAllowsTokenizesWithoutAborting()
    {
        // If the guard let through a character llama.cpp cannot encode, this test process would abort.
        foreach (string file in new[] { TestModels.TinyStories656K, TestModels.Stories260K })
        {
            await using var model = TestModels.Load(file);
            var candidates = Enumerable.Range(1, 0x24F).Select(c => char.ConvertFromUtf32(c)).Append("€").Append("😀");
            foreach (string c in candidates.Where(c => model.FindUnencodable($"a{c}b").Count == 0))
            {
                Assert.True(model.CountTokens($"a{c}b") > 0);
            }
        }
    }

    [Fact]
    public async Task ByteFallbackVocabularyEncodesEverything()
    {
        await using var model = TestModels.Load(TestModels.Stories260K);
        Assert.Empty(model.FindUnencodable("Price #1 café @ noon 😀"));
    }

    private string Write(string name, byte[] bytes)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
