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
}
