using Studies.Backends.Remote;

namespace Studies.Backends.Tests.Remote;

/// <summary>The API key (from an environment variable) reaches the server but never a log line or an error message.</summary>
[Collection(LlamaServerCollection.Name)]
public sealed class ApiKeySecrecyTests(LlamaServerFixture servers)
{
    [Fact]
    public async Task The_api_key_never_appears_in_logs_or_errors()
    {
        var logs = new CapturingLoggerProvider();
        var errors = new List<Exception>();

        // A server that quotes the Authorization header in its error bodies, failing every request at times.
        await using var proxy = new FaultInjectionProxy(servers.Base.BaseUrl, faultRate: 0, seed: 3, delay: TimeSpan.FromSeconds(2),
            faults: [Fault.InternalError, Fault.TooManyRequests, Fault.Malformed, Fault.Reset]) { LeakAuthorization = true };
        await using var chatProxy = new FaultInjectionProxy(servers.Chat.BaseUrl, faultRate: 0, seed: 4, delay: TimeSpan.FromSeconds(2),
            faults: [Fault.InternalError, Fault.TooManyRequests]) { LeakAuthorization = true };
        var retry = new RemoteRetryOptions { MaxRetries = 2, BaseDelay = TimeSpan.FromMilliseconds(10), MaxRetryAfter = TimeSpan.FromMilliseconds(50) };
        await using var model = await RemoteLanguageModel.ConnectAsync(RemoteTestOptions.For("stories260K", proxy.BaseUrl) with { Retry = retry }, logs);
        await using var chat = await RemoteLanguageModel.ConnectAsync(RemoteTestOptions.For("stories260K-chat", chatProxy.BaseUrl) with { Retry = retry }, logs);

        // Some calls recover, the ones that fail every attempt end in errors that quote the server's reply.
        foreach (double rate in new[] { 0.5, 1.0 })
        {
            proxy.FaultRate = rate;
            chatProxy.FaultRate = rate;
            for (int i = 0; i < 6; i++)
            {
                await Capture(() => model.GenerateAsync(new GenerationRequest { Prompt = ModelPrompt.Raw("Once upon a time"), MaxTokens = 4 }));
                await Capture(() => model.ScoreAsync(new ScoringRequest { Prefix = ModelPrompt.Raw("The cat"), Candidates = [" sat"] }));
                await Capture(() => chat.GenerateAsync(new GenerationRequest { Prompt = ModelPrompt.User("Hello"), MaxTokens = 4 }));
            }
        }

        // A wrong key is refused by the server (401): one clear error, no retries.
        string wrongKeyVariable = "STUDIES_TEST_REMOTE_WRONG_KEY";
        string wrongKey = "sk-wrong-" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(wrongKeyVariable, wrongKey);
        var refused = await Assert.ThrowsAnyAsync<ModelBackendException>(() =>
            RemoteLanguageModel.ConnectAsync(RemoteTestOptions.For("stories260K", servers.Base.BaseUrl) with { ApiKeyEnv = wrongKeyVariable }, logs));
        Assert.Contains("401", refused.Message, StringComparison.Ordinal);
        errors.Add(refused);

        // An unset variable is named in the error; the key is not.
        var unset = await Assert.ThrowsAsync<ModelBackendException>(() =>
            RemoteLanguageModel.ConnectAsync(RemoteTestOptions.For("stories260K", servers.Base.BaseUrl) with { ApiKeyEnv = "STUDIES_TEST_UNSET_VARIABLE" }));
        Assert.Contains("STUDIES_TEST_UNSET_VARIABLE", unset.Message, StringComparison.Ordinal);

        Assert.NotEmpty(errors);
        Assert.Contains(errors, e => e.Message.Contains("Authorization", StringComparison.Ordinal));
        string everything = logs.AllText + "\n" + string.Join("\n", errors.Select(e => e.ToString()));
        Assert.DoesNotContain(servers.ApiKey, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(wrongKey, everything, StringComparison.Ordinal);
        Assert.Contains("***", everything, StringComparison.Ordinal);

        async Task Capture(Func<Task> call)
        {
            try
            {
                await call();
            }
            catch (Exception e)
            {
                errors.Add(e);
            }
        }
    }
}
