using Studies.Backends;
using Studies.Backends.Local;

namespace Studies.Analysis.Tests.TokenShift;

/// <summary>The stories260K base/assistant pair, loaded once for all token-shift tests.</summary>
public sealed class StoriesPairFixture : IAsyncLifetime
{
    /// <summary>ChatML user prompts of the kinds the -chat models were tuned on (see ../shared/models/README.md).</summary>
    public static readonly IReadOnlyList<ModelPrompt> Prompts =
    [
        ModelPrompt.User("Tom lost his red ball and cried. Is Tom happy or sad?"),
        ModelPrompt.User("Lily got a new puppy and smiled. Is Lily happy or sad?"),
        ModelPrompt.User("Is the sun yellow? Answer yes or no."),
        ModelPrompt.User("Tell me a story about a cat."),
        ModelPrompt.User("Ben had two apples. He got one more. How many apples does Ben have?"),
        ModelPrompt.User("Sara went to the park with her mom. They saw a big dog. Where did Sara go?"),
        ModelPrompt.User("Tell me a story about a little bird."),
        ModelPrompt.User("The cat was hungry and sad. Is the cat happy or sad?"),
    ];

    public LocalLanguageModel Base { get; private set; } = null!;

    public LocalLanguageModel Assistant { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Base = SharedModels.Load(SharedModels.Stories260K);
        Assistant = SharedModels.Load(SharedModels.Stories260KChat);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (Base is not null)
            await Base.DisposeAsync();
        if (Assistant is not null)
            await Assistant.DisposeAsync();
    }
}
