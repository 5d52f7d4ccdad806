namespace Studies.Backends.Tests.Remote;

/// <summary>
/// Real llama-servers shared by the remote tests: stories260K (base) and stories260K-chat, each on a free loopback
/// port, one thread, one slot (so results do not depend on what else is being decoded), protected by an API key that
/// the tests pass through an environment variable.
/// </summary>
public sealed class LlamaServerFixture : IAsyncLifetime
{
    public const string KeyVariable = "STUDIES_TEST_REMOTE_API_KEY";

    /// <summary>A distinctive key, so a leak anywhere in logs or messages is found by a plain search.</summary>
    public string ApiKey { get; } = "sk-studies-test-" + Guid.NewGuid().ToString("N");

    internal LlamaServerProcess Base { get; private set; } = null!;

    internal LlamaServerProcess Chat { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Environment.SetEnvironmentVariable(KeyVariable, ApiKey);
        Base = await LlamaServerProcess.StartAsync(TestModels.Stories260K, ApiKey);
        Chat = await LlamaServerProcess.StartAsync(TestModels.Stories260KChat, ApiKey);
    }

    public async Task DisposeAsync()
    {
        if (Base is not null)
        {
            await Base.DisposeAsync();
        }

        if (Chat is not null)
        {
            await Chat.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class LlamaServerCollection : ICollectionFixture<LlamaServerFixture>
{
    public const string Name = "llama-server";
}
