using Studies.Backends.Local;

namespace Studies.Backends.Tests;

public sealed class GenerationTests
{
    private static GenerationRequest Story(uint seed = 0, float temperature = 0f, int maxTokens = 24, int top = 0) => new()
    {
        Prompt = ModelPrompt.Raw("Once upon a time"),
        MaxTokens = maxTokens,
        TopLogprobs = top,
        Sampling = new SamplingSettings { Temperature = temperature, TopK = 40, TopP = 0.95f, MinP = 0.05f, Seed = seed },
    };

    [Fact]
    public async Task GreedyGenerationReportsTokensLogprobsRanksAndTopAlternatives()
    {
        await using var model = TestModels.Load(TestModels.Stories260K);
        var r = await model.GenerateAsync(Story(top: 3));
        Assert.Equal(FinishReason.Length, r.FinishReason);
        Assert.Equal(24, r.CompletionTokens);
        Assert.Equal(r.Text, string.Concat(r.Tokens.Select(t => t.Text)));
        Assert.StartsWith(", there was a little", r.Text);
        foreach (var t in r.Tokens)
        {
            Assert.InRange(t.Logprob, -30f, 0f);
            Assert.Equal(1, t.Rank); // greedy picks the most likely token
            Assert.Equal(3, t.Top!.Count);
            Assert.Equal(t.Id, t.Top[0].Id);
            Assert.True(t.Top[0].Logprob >= t.Top[1].Logprob && t.Top[1].Logprob >= t.Top[2].Logprob);
        }
    }

    [Fact]
    public async Task SameSeedGivesIdenticalTextAndLogprobsAcrossRunsAndContexts()
    {
        await using var a = TestModels.Load(TestModels.Stories260K, new LocalBackendOptions { Contexts = 2 });
        await using var b = TestModels.Load(TestModels.Stories260K);
        // Two concurrent requests take the two fresh contexts of model a; model b is a separate load.
        var results = await Task.WhenAll(a.GenerateAsync(Story(seed: 7, temperature: 0.9f)), a.GenerateAsync(Story(seed: 7, temperature: 0.9f)), b.GenerateAsync(Story(seed: 7, temperature: 0.9f)));
        foreach (var r in results)
        {
            Assert.Equal(results[0].Text, r.Text);
            Assert.Equal(results[0].Tokens.Select(t => t.Logprob), r.Tokens.Select(t => t.Logprob)); // bit-identical
        }

        // With the prompt already cached only its last token is re-evaluated, in a batch of a different shape:
        // the text is the same and logprobs agree to float rounding.
        var warm = await b.GenerateAsync(Story(seed: 7, temperature: 0.9f));
        Assert.Equal(results[0].Text, warm.Text);
        Assert.Equal(results[0].SumLogprob, warm.SumLogprob, 1e-4);

        var differentSeed = await b.GenerateAsync(Story(seed: 8, temperature: 0.9f));
        Assert.NotEqual(results[0].Text, differentSeed.Text);
    }

    [Fact]
    public async Task StopStringsEndGenerationAndAreNotReturned()
    {
        await using var model = TestModels.Load(TestModels.Stories260K);
        var r = await model.GenerateAsync(Story() with { Stop = ["Lily"] });
        Assert.Equal(FinishReason.Stop, r.FinishReason);
        Assert.Equal(", there was a little girl named ", r.Text);
    }

    [Fact]
    public async Task ChatModelStopsAtTheEndOfItsTurn()
    {
        await using var model = TestModels.Load(TestModels.Stories260KChat);
        var r = await model.GenerateAsync(new GenerationRequest
        {
            Prompt = ModelPrompt.User("Tom lost his red ball and cried. Is Tom happy or sad?"),
            MaxTokens = 32,
        });
        Assert.Equal(FinishReason.Stop, r.FinishReason);
        Assert.DoesNotContain("<|im_end|>", r.Text);
        Assert.True(r.Text.Length is > 0 and < 40, r.Text);
    }

    [Fact]
    public async Task TeacherForcedScoreOfTheGreedyContinuationEqualsItsGenerationLogprobs()
    {
        await using var model = TestModels.Load(TestModels.TinyStories656K);
        var prompt = ModelPrompt.Raw("Tom had a red ball.");
        var g = await model.GenerateAsync(new GenerationRequest { Prompt = prompt, MaxTokens = 16 });
        var s = await model.ScoreTokensAsync(prompt, [g.Tokens.Select(t => t.Id).ToArray()]);
        var candidate = s.Candidates[0];
        Assert.Equal(g.Text, candidate.Candidate);
        Assert.Equal(g.Tokens.Select(t => t.Id), candidate.Tokens.Select(t => t.Id));
        Assert.Equal(g.SumLogprob, candidate.SumLogprob, 1e-3);
        for (int i = 0; i < g.Tokens.Count; i++)
        {
            Assert.Equal(g.Tokens[i].Logprob, candidate.Tokens[i].Logprob, 1e-3);
        }
    }

    [Fact]
    public async Task TextScoringOfACanonicallyTokenizedContinuationEqualsItsGenerationLogprobs()
    {
        await using var model = TestModels.Load(TestModels.Stories260K);
        var prompt = ModelPrompt.Raw("Once upon a time");
        var g = await model.GenerateAsync(new GenerationRequest { Prompt = prompt, MaxTokens = 6 });
        var s = await model.ScoreAsync(new ScoringRequest { Prefix = prompt, Candidates = [g.Text] });
        Assert.Equal(g.Tokens.Select(t => t.Id), s.Candidates[0].Tokens.Select(t => t.Id));
        Assert.Equal(g.SumLogprob, s.Candidates[0].SumLogprob, 1e-3);
    }

    [Fact]
    public async Task BatchedSamplesAreReproduciblePerSeedAndMatchTeacherForcedScores()
    {
        await using var model = TestModels.Load(TestModels.Stories260K);
        var request = Story(seed: 100, temperature: 1.0f, maxTokens: 16);
        var samples = await model.SampleAsync(request, 6);
        Assert.Equal(6, samples.Count);
        Assert.True(samples.Select(s => s.Text).Distinct().Count() > 1, "samples with different seeds should differ");

        var again = await model.SampleAsync(request, 6);
        Assert.Equal(samples.Select(s => s.Text), again.Select(s => s.Text));

        // Sample i is the draw of seed 100 + i: a single generation with that seed gives the same text.
        var single = await model.GenerateAsync(request with { Sampling = request.Sampling with { Seed = 103 } });
        Assert.Equal(samples[3].Text, single.Text);

        foreach (var sample in samples)
        {
            var s = await model.ScoreTokensAsync(request.Prompt, [sample.Tokens.Select(t => t.Id).ToArray()]);
            Assert.Equal(sample.SumLogprob, s.Candidates[0].SumLogprob, 1e-3);
        }
    }

    [Fact]
    public async Task SamplesCostOnePromptEvaluation()
    {
        await using var model = TestModels.Load(TestModels.Stories260K);
        var request = Story(seed: 1, temperature: 1.0f, maxTokens: 8) with { Prompt = ModelPrompt.Raw("Lily and Tom went to the park to play with a big red ball.") };
        long before = model.EvaluatedTokens;
        var samples = await model.SampleAsync(request, 10);
        long evaluated = model.EvaluatedTokens - before;
        int prompt = samples[0].PromptTokens;
        int generated = samples.Sum(s => s.CompletionTokens);
        // The prompt once, then each sample's tokens except the last (which is sampled, never decoded).
        Assert.True(evaluated <= prompt + generated, $"evaluated {evaluated} tokens for a {prompt}-token prompt and {generated} generated");
    }
}
