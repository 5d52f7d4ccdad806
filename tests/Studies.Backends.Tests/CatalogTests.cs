using Studies.Backends.Catalog;
using Studies.Backends.Gguf;

namespace Studies.Backends.Tests;

public sealed class CatalogTests
{
    private static ModelCatalog Catalog => ModelCatalog.Default(TestModels.RepositoryRoot);

    [Fact]
    public void ListsTheSharedModelsWithTheirMetadata()
    {
        var entries = Catalog.List().ToDictionary(e => e.Name);
        foreach (string name in new[] { "stories260K", "stories260K-chat", "TinyStories-656K", "TinyStories-656K-chat", "TinyStories-656K-Q8_0", "llama-2-tiny-random" })
        {
            Assert.True(entries.ContainsKey(name), $"{name} not listed");
        }

        var chat = entries["stories260K-chat"].Header!;
        Assert.Equal("llama", chat.Architecture);
        Assert.Equal(2048, chat.ContextLength);
        Assert.Equal(512, chat.VocabularySize);
        Assert.Contains("<|im_start|>", chat.ChatTemplate);
        Assert.Null(entries["stories260K"].Header!.ChatTemplate);
        Assert.Equal("Q8_0", entries["TinyStories-656K-Q8_0"].Header!.FileType);
        Assert.Equal("F32", entries["TinyStories-656K"].Header!.FileType);
        Assert.Equal(32000, entries["llama-2-tiny-random"].Header!.VocabularySize);
    }

    [Fact]
    public void ParameterCountComesFromTheTensorTable()
    {
        var header = GgufReader.Read(TestModels.PathOf(TestModels.Stories260K));
        Assert.Equal(292_800, header.ParameterCount);
    }

    [Fact]
    public void ResolvesByNameWithOrWithoutExtensionAndByPath()
    {
        string expected = TestModels.PathOf(TestModels.Stories260K);
        Assert.Equal(expected, Catalog.Resolve("stories260K"));
        Assert.Equal(expected, Catalog.Resolve("stories260K.gguf"));
        Assert.Equal(expected, Catalog.Resolve(expected));
    }

    [Fact]
    public void UnknownNameSaysWhereItLookedAndWhatExists()
    {
        var e = Assert.Throws<ModelFileException>(() => Catalog.Resolve("stories999"));
        Assert.Contains("model not found", e.Message);
        Assert.Contains("STUDIES_MODELS", e.Message);
        Assert.Contains("stories260K", e.Message);
    }

    [Fact]
    public void Sha256MatchesThePublishedValue()
    {
        Assert.Equal("270cba1bd5109f42d03350f60406024560464db173c0e387d91f0426d3bd256d", ModelFileHasher.Sha256(TestModels.PathOf(TestModels.Stories260K)));
    }
}
