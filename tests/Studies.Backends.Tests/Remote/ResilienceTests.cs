using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Studies.Backends.Remote;
using Xunit.Abstractions;

namespace Studies.Backends.Tests.Remote;

/// <summary>
/// The remote backend against a real llama-server behind a fault-injecting proxy, a dead server, and a pool with a dead
/// member. All loops are bounded and everything listens on 127.0.0.1 only.
/// </summary>
[Collection(LlamaServerCollection.Name)]
public sealed class ResilienceTests(LlamaServerFixture servers, ITestOutputHelper output)
{
    private static readonly string[] Prompts =
    [
        "Once upon a time", "The little dog", "Lily wanted to", "One day, the sun", "Tom and Sue", "The big tree",
        "A bird sang", "Mom said", "The cat was", "They went to the park",
    ];

    [Fact]
    public async Task Thirty_percent_faults_still_give_the_fault_free_results()
    {
        // Attempts time out after 1 s; the proxy's delayed responses take 2 s.
        await using var baseProxy = new FaultInjectionProxy(servers.Base.BaseUrl, faultRate: 0, seed: 7, delay: TimeSpan.FromSeconds(2));
        await using var chatProxy = new FaultInjectionProxy(servers.Chat.BaseUrl, faultRate: 0, seed: 8, delay: TimeSpan.FromSeconds(2));
        var logs = new CapturingLoggerProvider();
        RemoteBackendOptions Options(string model, string url) => RemoteTestOptions.For(model, url) with { AttemptTimeout = TimeSpan.FromSeconds(1) };

        await using var cleanBase = await RemoteLanguageModel.ConnectAsync(Options("stories260K", servers.Base.BaseUrl));
        await using var cleanChat = await RemoteLanguageModel.ConnectAsync(Options("stories260K-chat", servers.Chat.BaseUrl));
        await using var faultyBase = await RemoteLanguageModel.ConnectAsync(Options("stories260K", baseProxy.BaseUrl), logs);
        await using var faultyChat = await RemoteLanguageModel.ConnectAsync(Options("stories260K-chat", chatProxy.BaseUrl), logs);
        baseProxy.FaultRate = 0.3;
        chatProxy.FaultRate = 0.3;

        var expected = await RunWorkloadAsync(cleanBase, cleanChat);
        var clock = Stopwatch.StartNew();
        var actual = await RunWorkloadAsync(faultyBase, faultyChat);
        output.WriteLine($"{actual.Count} requests under 30% faults in {clock.Elapsed.TotalSeconds:0.0} s; injected: "
            + string.Join(", ", baseProxy.Injected.Concat(chatProxy.Injected).GroupBy(kv => kv.Key).Select(g => $"{g.Key} {g.Sum(kv => kv.Value)}")));

        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Text, actual[i].Text);
            Assert.Equal(expected[i].Logprobs.Count, actual[i].Logprobs.Count);
            for (int j = 0; j < expected[i].Logprobs.Count; j++)
            {
                Assert.Equal(expected[i].Logprobs[j], actual[i].Logprobs[j], LocalRemoteParityTests.Tolerance);
            }
        }

        foreach (var fault in Enum.GetValues<Fault>())
        {
            Assert.True(baseProxy.Injected.GetValueOrDefault(fault) + chatProxy.Injected.GetValueOrDefault(fault) > 0, $"no {fault} was injected");
        }

        var retries = logs.Lines.Where(l => l.Level == LogLevel.Debug && l.Text.StartsWith("Retrying", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(retries);
        Assert.Contains(retries, l => l.Text.Contains("HTTP 429", StringComparison.Ordinal));
        Assert.Contains(retries, l => l.Text.Contains("timed out", StringComparison.Ordinal));
        Assert.Contains(retries, l => l.Text.Contains("JSON", StringComparison.Ordinal));
        Assert.DoesNotContain(servers.ApiKey, logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dead_server_opens_the_circuit_and_calls_fail_fast_with_one_clear_error()
    {
        await using var server = await LlamaServerProcess.StartAsync(TestModels.Stories260K, servers.ApiKey);
        var logs = new CapturingLoggerProvider();
        var options = RemoteTestOptions.For("stories260K", server.BaseUrl) with
        {
            Retry = new RemoteRetryOptions { MaxRetries = 3, BaseDelay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromMilliseconds(50) },
            CircuitBreaker = new RemoteCircuitBreakerOptions { MinimumThroughput = 4, FailureRatio = 0.5, BreakDuration = TimeSpan.FromSeconds(60) },
        };
        await using var model = await RemoteLanguageModel.ConnectAsync(options, logs);
        var request = new GenerationRequest { Prompt = ModelPrompt.Raw("Once upon a time"), MaxTokens = 8 };
        await model.GenerateAsync(request);

        await server.StopAsync();
        RemoteUnavailableException? unavailable = null;
        for (int i = 0; i < 10 && unavailable is null; i++)
        {
            var error = await Assert.ThrowsAnyAsync<ModelBackendException>(() => model.GenerateAsync(request));
            output.WriteLine($"call {i}: {error.GetType().Name}: {error.Message}");
            unavailable = error as RemoteUnavailableException;
        }

        Assert.NotNull(unavailable);
        Assert.Contains("circuit open", unavailable.Message, StringComparison.Ordinal);
        Assert.Contains(server.BaseUrl, unavailable.Message, StringComparison.Ordinal);

        // From now on the call fails at once, without touching the network.
        var clock = Stopwatch.StartNew();
        var again = await Assert.ThrowsAsync<RemoteUnavailableException>(() => model.GenerateAsync(request));
        Assert.True(clock.ElapsedMilliseconds < 200, $"took {clock.ElapsedMilliseconds} ms");
        Assert.Equal(unavailable.Message.Split(" for another")[0], again.Message.Split(" for another")[0]);
        Assert.Contains(logs.Lines, l => l.Level == LogLevel.Warning && l.Text.Contains("circuit open", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_pool_routes_around_a_dead_endpoint()
    {
        string dead = $"http://127.0.0.1:{LlamaServerProcess.FreePort()}";
        var logs = new CapturingLoggerProvider();
        var options = RemoteTestOptions.For("stories260K", dead, servers.Base.BaseUrl) with
        {
            CircuitBreaker = new RemoteCircuitBreakerOptions { MinimumThroughput = 3, FailureRatio = 0.5, BreakDuration = TimeSpan.FromSeconds(60) },
        };
        await using var model = await RemoteLanguageModel.ConnectAsync(options, logs);
        var results = await Task.WhenAll(Prompts.Select(p => model.GenerateAsync(new GenerationRequest { Prompt = ModelPrompt.Raw(p), MaxTokens = 8 })));
        Assert.All(results, r => Assert.NotEmpty(r.Tokens));
        Assert.Contains(logs.Lines, l => l.Level == LogLevel.Warning && l.Text.Contains(dead, StringComparison.Ordinal) && l.Text.Contains("circuit open", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Exhausted_retries_give_one_clear_error()
    {
        await using var proxy = new FaultInjectionProxy(servers.Base.BaseUrl, faultRate: 0, seed: 1, delay: TimeSpan.Zero, faults: [Fault.InternalError]);
        var options = RemoteTestOptions.For("stories260K", proxy.BaseUrl) with
        {
            Retry = new RemoteRetryOptions { MaxRetries = 2, BaseDelay = TimeSpan.FromMilliseconds(10) },
        };
        await using var model = await RemoteLanguageModel.ConnectAsync(options);
        proxy.FaultRate = 1;
        var error = await Assert.ThrowsAsync<ModelBackendException>(() => model.GenerateAsync(new GenerationRequest { Prompt = ModelPrompt.Raw("Hi"), MaxTokens = 4 }));
        output.WriteLine(error.Message);
        Assert.Contains("failed after 3 attempt(s)", error.Message, StringComparison.Ordinal);
        Assert.Contains("HTTP 500", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Requests_per_minute_spaces_out_requests()
    {
        // 120 per minute = 2 per second: 6 requests need two refills after the first two, a second apart.
        var options = RemoteTestOptions.For("stories260K", servers.Base.BaseUrl) with { RequestsPerMinute = 120 };
        await using var model = await RemoteLanguageModel.ConnectAsync(options);
        await Task.Delay(1100);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 6).Select(i => model.GenerateAsync(new GenerationRequest { Prompt = ModelPrompt.Raw(Prompts[i]), MaxTokens = 2 })));
        output.WriteLine($"6 requests at 120/min took {clock.Elapsed.TotalSeconds:0.00} s");
        Assert.InRange(clock.Elapsed.TotalSeconds, 0.95, 30);
    }

    private static async Task<List<(string Text, List<double> Logprobs)>> RunWorkloadAsync(RemoteLanguageModel baseModel, RemoteLanguageModel chatModel)
    {
        var work = new List<Task<(string, List<double>)>>();
        foreach (string prompt in Prompts)
        {
            work.Add(Generate(baseModel, new GenerationRequest { Prompt = ModelPrompt.Raw(prompt), MaxTokens = 16, TopLogprobs = 2 }));
            work.Add(Generate(chatModel, new GenerationRequest { Prompt = ModelPrompt.User($"{prompt} and cried. Is it happy or sad?"), MaxTokens = 8 }));
        }

        for (int i = 0; i < 4; i++)
        {
            work.Add(Score(baseModel, new ScoringRequest { Prefix = ModelPrompt.Raw(Prompts[i] + " she was very"), Candidates = [" happy", " sad"] }));
        }

        work.Add(Sample(baseModel, new GenerationRequest
        {
            Prompt = ModelPrompt.Raw("The dog"), MaxTokens = 12, Sampling = new SamplingSettings { Temperature = 1f, Seed = 42 },
        }));
        return [.. await Task.WhenAll(work)];

        static async Task<(string, List<double>)> Generate(ILanguageModel m, GenerationRequest r)
        {
            var g = await m.GenerateAsync(r);
            return (g.Text, g.Tokens.Select(t => (double)t.Logprob).ToList());
        }

        static async Task<(string, List<double>)> Score(ILanguageModel m, ScoringRequest r)
        {
            var s = await m.ScoreAsync(r);
            return (string.Join("|", s.Candidates.Select(c => c.Candidate)), s.Candidates.Select(c => c.SumLogprob).ToList());
        }

        static async Task<(string, List<double>)> Sample(ILanguageModel m, GenerationRequest r)
        {
            var s = await m.SampleAsync(r, 3);
            return (string.Join("|", s.Select(x => x.Text)), s.SelectMany(x => x.Tokens).Select(t => (double)t.Logprob).ToList());
        }
    }
}
