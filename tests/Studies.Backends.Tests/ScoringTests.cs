using Studies.Backends.Local;

namespace Studies.Backends.Tests;

public sealed class ScoringTests
{
    private static readonly string FewShot =
        "Sentence: Tom lost his ball and cried.\nSentiment: sad\n\n" +
        "Sentence: Lily got a new doll and smiled.\nSentiment: happy\n\n" +
        "Sentence: The dog ran away and Sam was alone.\nSentiment: sad\n\n" +
        "Sentence: Mom made a big cake for Ben.\nSentiment:";

    private static readonly string[] Labels = [" happy", " sad", " angry", " calm"];

    [Fact]
    public async Task ScoresWithAndWithoutPrefixReuseAgree()
    {
        await using var reuse = TestModels.Load(TestModels.Stories260K);
        await using var fresh = TestModels.Load(TestModels.Stories260K, new LocalBackendOptions { PrefixReuse = false });
        var request = new ScoringRequest { Prefix = ModelPrompt.Raw(FewShot), Candidates = Labels };
        _ = await reuse.ScoreAsync(request with { Prefix = ModelPrompt.Raw(FewShot[..^40]) }); // warm a shared prefix
        var a = await reuse.ScoreAsync(request);
        var b = await fresh.ScoreAsync(request);
        Assert.True(a.EvaluatedTokens < b.EvaluatedTokens, $"reuse evaluated {a.EvaluatedTokens}, fresh {b.EvaluatedTokens}");
        for (int i = 0; i < Labels.Length; i++)
        {
            Assert.Equal(b.Candidates[i].SumLogprob, a.Candidates[i].SumLogprob, 1e-3);
        }
    }

    [Fact]
    public async Task CandidatesShareOnePrefixEvaluation()
    {
        await using var model = TestModels.Load(TestModels.Stories260K, new LocalBackendOptions { PrefixReuse = false });
        var r = await model.ScoreAsync(new ScoringRequest { Prefix = ModelPrompt.Raw(FewShot), Candidates = Labels });
        int candidateTokens = r.Candidates.Sum(c => c.Tokens.Count - 1);
        Assert.Equal(r.PrefixTokens + candidateTokens, r.EvaluatedTokens);
        Assert.All(r.Candidates, c => Assert.True(c.SumLogprob < 0 && c.Tokens.Count > 0));
    }

    [Fact]
    public async Task CandidateScoresEqualSeparateFullEvaluations()
    {
        await using var model = TestModels.Load(TestModels.TinyStories656K, new LocalBackendOptions { PrefixReuse = false });
        var together = await model.ScoreAsync(new ScoringRequest { Prefix = ModelPrompt.Raw(FewShot), Candidates = Labels });
        foreach (var (label, i) in Labels.Select((l, i) => (l, i)))
        {
            var alone = await model.ScoreAsync(new ScoringRequest { Prefix = ModelPrompt.Raw(FewShot), Candidates = [label] });
            Assert.Equal(alone.Candidates[0].SumLogprob, together.Candidates[i].SumLogprob, 1e-3);
        }
    }

    [Fact]
    public async Task RanksSupportTheTokenShiftAnalysis()
    {
        await using var model = TestModels.Load(TestModels.Stories260K);
        var r = await model.ScoreAsync(new ScoringRequest { Prefix = ModelPrompt.Raw("Once upon a time"), Candidates = [", there was a zebra"], TopLogprobs = 5 });
        var tokens = r.Candidates[0].Tokens;
        Assert.Equal(1, tokens[0].Rank);
        Assert.Contains(tokens, t => t.Rank > 3); // "zebra" is not what the model expects
        Assert.All(tokens, t => Assert.Equal(5, t.Top!.Count));
    }
}
