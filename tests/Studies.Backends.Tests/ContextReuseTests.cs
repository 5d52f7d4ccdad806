using Studies.Backends.Local;

namespace Studies.Backends.Tests;

/// <summary>
/// Single-sequence work (prompts, generation, scoring one continuation) and branched work (n samples, several
/// candidates) run on separate contexts of a session; each keeps its own cached prefix, and results do not depend on
/// which one ran, how requests were batched, or how many threads computed them.
/// </summary>
public sealed class ContextReuseTests
{
    private static readonly ModelPrompt Story = ModelPrompt.Raw("Lily and Tom went to the park to play with a big red ball.");

    [Fact]
    public async Task GenerationAndSamplingOfOnePromptEachKeepTheirCachedPrefix()
    {
        await using var model = TestModels.Load(TestModels.Stories260K);
        var request = new GenerationRequest { Prompt = Story, MaxTokens = 4, Sampling = new SamplingSettings { Temperature = 1, Seed = 5 } };
        var first = await model.SampleAsync(request, 3);
        Assert.Equal(0, first[0].Timings.CachedPromptTokens);
        var generated = await model.GenerateAsync(request);
        Assert.Equal(0, generated.Timings.CachedPromptTokens); // its own context: the prompt was not there yet

        // Each kind finds its prompt still cached: all but the last two tokens (re-evaluated together: the last for its
        // logits, and never a one-token batch) are reused.
        var again = await model.SampleAsync(request, 3);
        Assert.Equal(first[0].PromptTokens - 2, again[0].Timings.CachedPromptTokens);
        Assert.Equal(first.Select(s => s.Text), again.Select(s => s.Text));
        var generatedAgain = await model.GenerateAsync(request);
        Assert.Equal(generated.PromptTokens - 2, generatedAgain.Timings.CachedPromptTokens);
        Assert.Equal(generated.Text, generatedAgain.Text);
    }

    [Fact]
    public async Task APromptScoresBitForBitTheSameWhateverItsContextHeld()
    {
        // A resumed run meets its first prompts on a cold cache, an uninterrupted one on a warm one: both must agree
        // exactly. The prompt extends a cached one by 0, 1, 2 or 5 tokens, or follows an unrelated prompt.
        await using var probe = TestModels.Load(TestModels.Stories260K);
        var tokens = probe.Tokenize(Story.Text!, addSpecial: false).ToArray();
        string cached = probe.Detokenize(tokens[..8]);
        string[] labels = [" happy", " sad", " big", " ball"];
        foreach (int extra in new[] { 0, 1, 2, 5 })
        {
            string prompt = probe.Detokenize(tokens[..(8 + extra)]);
            var request = new ScoringRequest { Prefix = ModelPrompt.Raw(prompt), Candidates = labels };
            var generation = new GenerationRequest { Prompt = ModelPrompt.Raw(prompt), MaxTokens = 6 };
            await using var cold = TestModels.Load(TestModels.Stories260K);
            var coldScore = await cold.ScoreAsync(request);
            var coldText = await cold.GenerateAsync(generation);
            foreach (string before in new[] { cached, "The cat sat on the mat." })
            {
                await using var warm = TestModels.Load(TestModels.Stories260K);
                _ = await warm.ScoreAsync(request with { Prefix = ModelPrompt.Raw(before) });
                _ = await warm.GenerateAsync(generation with { Prompt = ModelPrompt.Raw(before) });
                var warmScore = await warm.ScoreAsync(request);
                var warmText = await warm.GenerateAsync(generation);
                Assert.Equal(coldScore.Candidates.Select(c => c.SumLogprob), warmScore.Candidates.Select(c => c.SumLogprob));
                Assert.Equal(coldText.Tokens.Select(t => t.Logprob), warmText.Tokens.Select(t => t.Logprob));
                Assert.Equal(coldText.Text, warmText.Text);
            }
        }
    }

    [Fact]
    public async Task AScoredContinuationStaysCachedForTheNextPrompt()
    {
        await using var model = TestModels.Load(TestModels.Stories260K);
        var g = await model.GenerateAsync(new GenerationRequest { Prompt = Story, MaxTokens = 12 });
        _ = await model.ScoreTokensAsync(Story, [g.Tokens.Select(t => t.Id).ToArray()]);
        long before = model.EvaluatedTokens;
        // A chain-of-thought style follow-up: the prompt plus the scored continuation plus a question.
        var followUp = await model.GenerateAsync(new GenerationRequest { Prompt = ModelPrompt.Raw(Story.Text + g.Text + " So"), MaxTokens = 1 });
        Assert.True(model.EvaluatedTokens - before <= 3, $"evaluated {model.EvaluatedTokens - before} tokens of a {followUp.PromptTokens}-token prompt");
    }

    [Fact]
    public async Task CandidatesLongerThanABatchScoreAsInOneBatch()
    {
        // Batches of 8 tokens: the prefix and the first candidate take several; the last one fits a branch.
        await using var small = TestModels.Load(TestModels.Stories260K, new LocalBackendOptions { BatchSize = 8, MaxSequences = 4, PrefixReuse = false });
        await using var large = TestModels.Load(TestModels.Stories260K, new LocalBackendOptions { PrefixReuse = false });
        string[] candidates = [" she saw a big dog and they played with the ball all day long", " sad", " they went home"];
        var request = new ScoringRequest { Prefix = Story, Candidates = candidates };
        var a = await small.ScoreAsync(request);
        var b = await large.ScoreAsync(request);
        for (int i = 0; i < candidates.Length; i++)
        {
            Assert.Equal(b.Candidates[i].Tokens.Count, a.Candidates[i].Tokens.Count);
            Assert.Equal(b.Candidates[i].SumLogprob, a.Candidates[i].SumLogprob, 1e-3);
        }
    }

    [Fact]
    public async Task ABatchSmallerThanTheSequenceCountStillSamples()
    {
        // llama.cpp aborts the process when a context has more sequences than batch rows; the backend widens the batch.
        await using var model = TestModels.Load(TestModels.Stories260K, new LocalBackendOptions { BatchSize = 4 });
        var samples = await model.SampleAsync(new GenerationRequest { Prompt = Story, MaxTokens = 4, Sampling = new SamplingSettings { Temperature = 1 } }, 10);
        Assert.Equal(10, samples.Count);
    }

    [Fact]
    public async Task ContextsDefaultToOnePerCoreAndCanBeSet()
    {
        await using var auto = TestModels.Load(TestModels.Stories260K);
        Assert.Equal(Math.Clamp(Environment.ProcessorCount, 1, 4), auto.Contexts);
        await using var perThreads = TestModels.Load(TestModels.Stories260K, new LocalBackendOptions { Threads = Environment.ProcessorCount });
        Assert.Equal(1, perThreads.Contexts);
        await using var set = TestModels.Load(TestModels.Stories260K, new LocalBackendOptions { Contexts = 3 });
        Assert.Equal(3, set.Contexts);
    }

    [Fact]
    public async Task TwoThreadsGiveTheSameGreedyTextAsOne()
    {
        await using var one = TestModels.Load(TestModels.TinyStories656K);
        await using var two = TestModels.Load(TestModels.TinyStories656K, new LocalBackendOptions { Threads = 2 });
        var request = new GenerationRequest { Prompt = Story, MaxTokens = 24 };
        var a = await one.GenerateAsync(request);
        var b = await two.GenerateAsync(request);
        Assert.Equal(a.Text, b.Text);
        Assert.Equal(a.SumLogprob, b.SumLogprob, 1e-3);
    }
}
