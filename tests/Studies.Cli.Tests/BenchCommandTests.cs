using System.Text.Json;

namespace Studies.Cli.Tests;

/// <summary>
/// `studies bench` through the real program: the JSON contract (figures, ratios, a boolean per target) and its
/// errors. Speed itself is the bench's business, not a test's: nothing here asserts a timing.
/// </summary>
public sealed class BenchCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("studies-bench-test-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task SchedulerPartWritesEveryFigureRatioAndTargetAndCleansUp()
    {
        // Its 100,000-trial run folders go to the temp folder, here one of the test's own, and must be gone afterwards.
        string temp = Directory.CreateDirectory(Path.Combine(_dir, "tmp")).FullName;
        var (code, stdout, stderr) = await StudiesProcess.RunAsync(_dir, new Dictionary<string, string> { ["TMPDIR"] = temp },
            "bench", "--part", "scheduler", "--rounds", "1", "--json", "bench.json");

        Assert.True(code == 0, stderr);
        Assert.Contains("4. Scheduler and result store overhead per trial", stdout);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, "bench.json")));
        var root = json.RootElement;
        foreach (string target in new[] { "scheduler.overhead_1w", "scheduler.overhead_2w", "scheduler.resume" })
        {
            Assert.True(root.GetProperty($"{target}_ratio").GetDouble() > 0, target);
            Assert.Contains(root.GetProperty($"{target}_target_met").ValueKind, new[] { JsonValueKind.True, JsonValueKind.False });
        }

        Assert.True(root.GetProperty("scheduler.overhead_1w.run_us_per_trial_median").GetDouble()
            > root.GetProperty("scheduler.overhead_1w.direct_us_per_trial_median").GetDouble());
        Assert.True(root.GetProperty("scheduler.resume.trials_jsonl_bytes").GetDouble() > 100_000 * 200, "100,000 trial lines");
        Assert.True(root.GetProperty("scheduler.peak_memory_bytes").GetInt64() > 0);
        bool all = root.EnumerateObject().Where(p => p.Name.EndsWith("met", StringComparison.Ordinal) && p.Name != "all_targets_met").All(p => p.Value.GetBoolean());
        Assert.Equal(all, root.GetProperty("all_targets_met").GetBoolean());
        Assert.Empty(Directory.GetFileSystemEntries(temp));
    }

    [Fact]
    public async Task AnUnknownPartIsOneClearError()
    {
        var (code, _, stderr) = await StudiesProcess.RunAsync(_dir, "bench", "--part", "nope");

        Assert.Equal(2, code);
        Assert.Contains("unknown bench part nope: the parts are throughput, icl, sampling, scheduler.", stderr);
        Assert.DoesNotContain("   at ", stderr);
    }
}
