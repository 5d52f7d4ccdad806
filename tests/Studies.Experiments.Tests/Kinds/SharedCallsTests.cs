using Studies.Experiments.Kinds.Scoring;

namespace Studies.Experiments.Tests.Kinds;

public class SharedCallsTests
{
    [Fact]
    public async Task ConcurrentAskersShareOneRunAndTheEntryIsDroppedAfterItsLastUse()
    {
        var shared = new SharedCalls();
        for (int i = 0; i < 3; i++)
        {
            shared.Expect("k");
        }

        int runs = 0;
        var gate = new TaskCompletionSource();
        async Task<string> Run()
        {
            Interlocked.Increment(ref runs);
            await gate.Task;
            return "chain";
        }

        var askers = Enumerable.Range(0, 3).Select(_ => shared.GetAsync("k", Run, CancellationToken.None)).ToList();
        gate.SetResult();
        var results = await Task.WhenAll(askers);
        Assert.Equal(1, runs);
        Assert.All(results, r => Assert.Equal("chain", r.Value));
        Assert.Single(results, r => r.Ran);
        Assert.Equal(0, shared.Count);
    }

    [Fact]
    public async Task AFailedRunIsNotCached()
    {
        var shared = new SharedCalls();
        shared.Expect("k");
        shared.Expect("k");
        await Assert.ThrowsAsync<InvalidOperationException>(() => shared.GetAsync<string>("k", () => throw new InvalidOperationException("boom"), CancellationToken.None));
        var (value, ran) = await shared.GetAsync("k", () => Task.FromResult("second"), CancellationToken.None);
        Assert.Equal("second", value);
        Assert.True(ran);
        Assert.Equal(0, shared.Count);
    }

    [Fact]
    public async Task Every_asker_counts_the_shared_calls_tokens_and_only_the_one_that_ran_it_counts_them_as_evaluated()
    {
        var shared = new SharedCalls();
        shared.Expect("k");
        shared.Expect("k");
        Task<string> Run(CallLedger ledger)
        {
            ledger.Add(new Studies.Backends.ScoringResult([], PrefixTokens: 10, EvaluatedTokens: 7, ElapsedMs: 0));
            return Task.FromResult("scores");
        }

        var (first, second) = (new CallLedger(), new CallLedger());
        Assert.Equal("scores", await shared.GetAsync("k", Run, first, CancellationToken.None));
        Assert.Equal("scores", await shared.GetAsync("k", Run, second, CancellationToken.None));

        Assert.Equal((10, 7), (first.PromptTokens, first.EvaluatedTokens));
        Assert.Equal((10, 0), (second.PromptTokens, second.EvaluatedTokens));
        Assert.Equal(0, shared.Count);
    }
}
