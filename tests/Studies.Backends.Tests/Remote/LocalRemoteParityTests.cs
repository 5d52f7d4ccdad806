using Studies.Backends.Local;
using Studies.Backends.Remote;
using Xunit.Abstractions;

namespace Studies.Backends.Tests.Remote;

/// <summary>
/// The same model through the local backend (llama.cpp in-process) and through a real llama-server gives the same
/// text and the same logprobs, within <see cref="Tolerance"/> (measured: see the test output).
/// </summary>
[Collection(LlamaServerCollection.Name)]
public sealed class LocalRemoteParityTests(LlamaServerFixture servers, ITestOutputHelper output)
{
    /// <summary>
    /// Largest allowed |local - remote| difference of one token's logprob, in nats. Measured on stories260K with the
    /// server run like the local backend (no flash attention, F32 KV cache): at most 7e-6 (generation, chat, scoring),
    /// float32 rounding, since the server reports log(p) of a float probability. The bound leaves a wide margin.
    /// </summary>
    public const double Tolerance = 1e-4;

    /// <summary>Bound for a candidate's summed logprob (measured at most 1.1e-5).</summary>
    public const double SumTolerance = 2e-4;

    private static readonly string[] Prompts =
    [
        "Once upon a time, there was a little girl named Lily.",
        "The cat sat on the mat. It was",
        "Tom and his dog went to the park. They",
        "One day, a big red ball",
    ];

    [Fact]
    public async Task Greedy_generation_matches_local_text_and_logprobs()
    {
        await using var local = TestModels.Load(TestModels.Stories260K);
        await using var remote = await RemoteLanguageModel.ConnectAsync(RemoteTestOptions.For("stories260K", servers.Base.BaseUrl));
        double worst = 0;
        foreach (string prompt in Prompts)
        {
            var request = new GenerationRequest { Prompt = ModelPrompt.Raw(prompt), MaxTokens = 40, TopLogprobs = 5 };
            var l = await local.GenerateAsync(request);
            var r = await remote.GenerateAsync(request);
            Assert.Equal(l.Text, r.Text);
            Assert.Equal(l.FinishReason, r.FinishReason);
            worst = Math.Max(worst, AssertSameTokens(l.Tokens, r.Tokens, checkIds: true));
        }

        output.WriteLine($"greedy native: max |local - remote| logprob = {worst:E2}");
        Assert.InRange(worst, 0, Tolerance);
    }

    [Fact]
    public async Task V1_completions_path_matches_native()
    {
        await using var local = TestModels.Load(TestModels.Stories260K);
        await using var remote = await RemoteLanguageModel.ConnectAsync(RemoteTestOptions.For("stories260K", servers.Base.BaseUrl) with { NativeCompletion = false });
        double worst = 0;
        foreach (string prompt in Prompts)
        {
            var request = new GenerationRequest { Prompt = ModelPrompt.Raw(prompt), MaxTokens = 32, TopLogprobs = 3 };
            var l = await local.GenerateAsync(request);
            var r = await remote.GenerateAsync(request);
            Assert.Equal(l.Text, r.Text);
            worst = Math.Max(worst, AssertSameTokens(l.Tokens, r.Tokens, checkIds: true));
        }

        output.WriteLine($"greedy /v1/completions: max |local - remote| logprob = {worst:E2}");
        Assert.InRange(worst, 0, Tolerance);
    }

    [Fact]
    public async Task Chat_through_semantic_kernel_matches_local()
    {
        await using var local = TestModels.Load(TestModels.Stories260KChat);
        await using var remote = await RemoteLanguageModel.ConnectAsync(RemoteTestOptions.For("stories260K-chat", servers.Chat.BaseUrl));
        Assert.True(remote.Capabilities.Chat);
        var prompt = ModelPrompt.User("Tom lost his red ball and cried. Is Tom happy or sad?");
        Assert.Equal(local.Render(prompt), remote.Render(prompt));
        var request = new GenerationRequest { Prompt = prompt, MaxTokens = 24, TopLogprobs = 3 };
        var l = await local.GenerateAsync(request);
        var r = await remote.GenerateAsync(request);
        output.WriteLine($"local: {l.Text} | remote: {r.Text}");
        Assert.Equal(l.Text, r.Text);
        Assert.Equal(l.FinishReason, r.FinishReason);
        // The local backend keeps the tokens that spelled the stop string (<|im_end|>); the server drops them.
        Assert.InRange(r.Tokens.Count, 1, l.Tokens.Count);
        double worst = AssertSameTokens(l.Tokens.Take(r.Tokens.Count).ToArray(), r.Tokens, checkIds: false);
        output.WriteLine($"chat (Semantic Kernel): max |local - remote| logprob = {worst:E2}");
        Assert.InRange(worst, 0, Tolerance);
    }

    [Fact]
    public async Task Seeded_samples_are_reproducible_and_match_local()
    {
        await using var local = TestModels.Load(TestModels.Stories260K);
        await using var remote = await RemoteLanguageModel.ConnectAsync(RemoteTestOptions.For("stories260K", servers.Base.BaseUrl));
        var request = new GenerationRequest
        {
            Prompt = ModelPrompt.Raw(Prompts[0]),
            MaxTokens = 24,
            Sampling = new SamplingSettings { Temperature = 0.9f, TopK = 40, TopP = 0.95f, Seed = 1234 },
        };
        var samples = await remote.SampleAsync(request, 4);
        var again = await remote.SampleAsync(request, 4);
        Assert.Equal(samples.Select(s => s.Text), again.Select(s => s.Text));
        Assert.True(samples.Select(s => s.Text).Distinct().Count() > 1, "different seeds should give different samples");

        // Sample i is GenerateAsync with seed + i.
        var third = await remote.GenerateAsync(request with { Sampling = request.Sampling with { Seed = 1236 } });
        Assert.Equal(samples[2].Text, third.Text);

        var localSamples = await local.SampleAsync(request, 4);
        for (int i = 0; i < 4; i++)
        {
            output.WriteLine($"seed {1234 + i}: local \"{localSamples[i].Text}\" remote \"{samples[i].Text}\"");
        }

        Assert.Equal(localSamples.Select(s => s.Text), samples.Select(s => s.Text));
    }

    [Fact]
    public async Task Scoring_matches_local_teacher_forcing()
    {
        await using var local = TestModels.Load(TestModels.Stories260K);
        await using var remote = await RemoteLanguageModel.ConnectAsync(RemoteTestOptions.For("stories260K", servers.Base.BaseUrl));
        Assert.True(remote.Capabilities.PromptScoring);
        var request = new ScoringRequest
        {
            Prefix = ModelPrompt.Raw("Once upon a time, there was a little girl named Lily. She was very"),
            Candidates = [" happy", " sad", " happy and she played with her dog", " purple elephant"],
            TopLogprobs = 3,
        };
        var l = await local.ScoreAsync(request);
        var r = await remote.ScoreAsync(request);
        double worst = 0, worstSum = 0;
        for (int c = 0; c < request.Candidates.Count; c++)
        {
            Assert.Equal(l.Candidates[c].Candidate, r.Candidates[c].Candidate);
            worst = Math.Max(worst, AssertSameTokens(l.Candidates[c].Tokens, r.Candidates[c].Tokens, checkIds: true));
            worstSum = Math.Max(worstSum, Math.Abs(l.Candidates[c].SumLogprob - r.Candidates[c].SumLogprob));
            output.WriteLine($"{request.Candidates[c],-40} local {l.Candidates[c].SumLogprob,10:F5} remote {r.Candidates[c].SumLogprob,10:F5}");
        }

        Assert.Equal(l.PrefixTokens, r.PrefixTokens);
        output.WriteLine($"scoring: max |local - remote| token logprob = {worst:E2}, candidate sum = {worstSum:E2}; evaluated tokens local {l.EvaluatedTokens}, remote {r.EvaluatedTokens}");
        Assert.InRange(worst, 0, Tolerance);
        Assert.InRange(worstSum, 0, SumTolerance);

        // The prefix is evaluated once: the server's prompt cache serves the later candidates.
        int candidateTokens = r.Candidates.Sum(c => c.Tokens.Count);
        Assert.True(r.EvaluatedTokens < r.PrefixTokens * 2 + candidateTokens, $"evaluated {r.EvaluatedTokens}");
    }

    [Fact]
    public async Task Token_counts_match_local()
    {
        await using var local = TestModels.Load(TestModels.Stories260K);
        await using var remote = await RemoteLanguageModel.ConnectAsync(RemoteTestOptions.For("stories260K", servers.Base.BaseUrl));
        foreach (string prompt in Prompts)
        {
            Assert.Equal(local.CountTokens(prompt), remote.CountTokens(prompt));
        }

        Assert.Equal(2048, remote.Info.ContextLength);
        Assert.Equal(512, remote.Info.VocabularySize);
        Assert.StartsWith("llama-server", remote.Info.RuntimeVersion);
    }

    /// <summary>Same tokens, ranks and top alternatives; returns the largest logprob difference.</summary>
    private static double AssertSameTokens(IReadOnlyList<TokenLogprob> local, IReadOnlyList<TokenLogprob> remote, bool checkIds)
    {
        Assert.Equal(local.Count, remote.Count);
        double worst = 0;
        for (int i = 0; i < local.Count; i++)
        {
            var (l, r) = (local[i], remote[i]);
            if (checkIds)
            {
                Assert.Equal(l.Id, r.Id);
            }

            Assert.Equal(l.Text, r.Text);
            Assert.Equal(l.Rank, r.Rank);
            worst = Math.Max(worst, Math.Abs(l.Logprob - r.Logprob));
            Assert.Equal(l.Top?.Count, r.Top?.Count);
            for (int j = 0; j < (l.Top?.Count ?? 0); j++)
            {
                var (lt, rt) = (l.Top![j], r.Top![j]);

                // Alternatives whose logprobs tie within the tolerance may come in either order; the last one listed
                // may tie with one just outside the list.
                bool nearTie = j == l.Top.Count - 1
                    || (j > 0 && Math.Abs(l.Top[j - 1].Logprob - lt.Logprob) < Tolerance)
                    || Math.Abs(l.Top[j + 1].Logprob - lt.Logprob) < Tolerance;
                if (!nearTie)
                {
                    Assert.Equal(lt.Text, rt.Text);
                    if (checkIds)
                    {
                        Assert.Equal(lt.Id, rt.Id);
                    }
                }

                worst = Math.Max(worst, Math.Abs(lt.Logprob - rt.Logprob));
            }
        }

        return worst;
    }
}
