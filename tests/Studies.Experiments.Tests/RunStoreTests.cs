using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Studies.Backends;
using Studies.Experiments.Results;

namespace Studies.Experiments.Tests;

/// <summary>The results folder: manifest, crash-safe trial log, repair, resume, config-hash refusal and compaction.</summary>
public sealed class RunStoreTests : IDisposable
{
    private readonly TempFolder _dir = new();
    private readonly ResultsOptions _options = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_fresh_folder_gets_a_manifest_and_an_empty_log()
    {
        using (var store = Open("hash-a"))
        {
            Assert.False(store.Resumed);
            Assert.Equal(0, store.PreviouslyFinished);
        }

        var manifest = RunFolders.ReadManifest(Folder)!;
        Assert.Equal("hash-a", manifest.ConfigHash);
        Assert.Equal("exp", manifest.ConfigName);
        Assert.Equal("tiny", Assert.Single(manifest.Models).Name);
        Assert.Equal("abc123", manifest.Models[0].Sha256);
        Assert.Equal(["run", "exp.yaml"], Assert.Single(manifest.Sessions).Args);
        Assert.Equal(Environment.ProcessorCount, manifest.Sessions[0].Host.ProcessorCount);
        Assert.Equal(0, new FileInfo(Path.Combine(Folder, TrialLog.FileName)).Length);
        string json = File.ReadAllText(Path.Combine(Folder, RunFolders.ManifestFile));
        Assert.Contains("\"config_hash\": \"hash-a\"", json);
        Assert.Contains("\"runtime_version\": \"llama.cpp test\"", json);
    }

    [Fact]
    public void A_killed_run_is_repaired_and_resumed_skipping_finished_keys()
    {
        using (var store = Open("hash-a"))
        {
            for (int i = 0; i < 5; i++)
            {
                store.Append(Record($"k{i}"));
            }
        }

        // Simulate a crash mid-write: the last line is torn.
        string log = Path.Combine(Folder, TrialLog.FileName);
        long length = new FileInfo(log).Length;
        using (var stream = new FileStream(log, FileMode.Open))
        {
            stream.SetLength(length - 20);
        }

        using (var resumed = Open("hash-a"))
        {
            Assert.True(resumed.Resumed);
            Assert.Equal(4, resumed.PreviouslyFinished);
            Assert.True(resumed.IsDone("k3"));
            Assert.False(resumed.IsDone("k4"));
            Assert.EndsWith("\n", File.ReadAllText(log));
            Assert.Equal(4, File.ReadAllLines(log).Length);
            resumed.Append(Record("k4"));
        }

        Assert.Equal(["k0", "k1", "k2", "k3", "k4"], TrialLog.ReadAll(Folder).Select(r => r.Key));
        Assert.Equal(2, RunFolders.ReadManifest(Folder)!.Sessions.Count);
    }

    [Fact]
    public void A_whole_last_record_missing_only_its_newline_is_kept()
    {
        string log = Path.Combine(Folder, TrialLog.FileName);
        using (var store = Open("hash-a"))
        {
            store.Append(Record("k0"));
            store.Append(Record("k1"));
        }

        File.WriteAllText(log, File.ReadAllText(log).TrimEnd('\n'));
        using var resumed = Open("hash-a");

        Assert.Equal(2, resumed.PreviouslyFinished);
        Assert.EndsWith("}\n", File.ReadAllText(log));
    }

    [Fact]
    public void Failed_trials_are_retried_and_the_newer_line_wins()
    {
        using (var store = Open("hash-a"))
        {
            store.Append(Record("k0"));
            store.Append(Record("k1") with { Status = TrialStatus.Failed, Error = "boom", ErrorType = "ModelBackendException", Output = null });
        }

        using (var resumed = Open("hash-a"))
        {
            Assert.Equal(1, resumed.PreviouslyFinished);
            Assert.Equal(1, resumed.PreviouslyFailed);
            Assert.False(resumed.IsDone("k1"));
            resumed.Append(Record("k1"));
        }

        var records = TrialLog.ReadAll(Folder);
        Assert.Equal(["k0", "k1"], records.Select(r => r.Key));
        Assert.All(records, r => Assert.Equal(TrialStatus.Ok, r.Status));
        Assert.Equal(3, TrialLog.ReadLines(Folder).Count);
    }

    [Fact]
    public void Another_config_is_refused_unless_forced_and_then_moved_aside()
    {
        using (var store = Open("hash-a"))
        {
            store.Append(Record("k0"));
        }

        var refused = RunStore.Open(Request("hash-b"), _options, TimeProvider.System, NullLogger.Instance);
        Assert.Null(refused.Store);
        Assert.Equal($"{Folder} holds a run of a different configuration (config hash hash-a, this one hash-b): the study file, its data or its models changed. Choose another results folder, or start anew there with the force-new option (the old files are moved aside, not deleted).", refused.Problem);

        var forced = RunStore.Open(Request("hash-b") with { ForceNew = true }, _options, TimeProvider.System, NullLogger.Instance);
        using (forced.Store)
        {
            Assert.NotNull(forced.Store);
            Assert.False(forced.Store!.Resumed);
        }

        Assert.Equal("hash-b", RunFolders.ReadManifest(Folder)!.ConfigHash);
        Assert.Empty(TrialLog.ReadAll(Folder));
        string aside = Assert.Single(Directory.GetDirectories(Folder, "previous-*"));
        Assert.Equal("hash-a", RunFolders.ReadManifest(aside)!.ConfigHash);
        Assert.Single(TrialLog.ReadAll(aside));
    }

    [Fact]
    public void A_folder_in_use_is_refused()
    {
        using var first = Open("hash-a");

        var second = RunStore.Open(Request("hash-a"), _options, TimeProvider.System, NullLogger.Instance);

        Assert.Null(second.Store);
        Assert.StartsWith($"another process is writing to {Folder} (it holds .lock)", second.Problem);
    }

    [Fact]
    public void Trials_finishing_within_the_batch_window_are_written_together_and_flushed_whole()
    {
        string log = Path.Combine(Folder, TrialLog.FileName);
        var batching = new ResultsOptions { WriteBatchWindow = TimeSpan.FromDays(1) };
        using (var store = RunStore.Open(Request("hash-a"), batching, TimeProvider.System, NullLogger.Instance).Store!)
        {
            store.Append(Record("k0")); // the first write of a session goes out at once
            store.Append(Record("k1"));
            store.Append(Record("k2"));
            Assert.Equal(["k0"], TrialLog.ReadAll(Folder).Select(r => r.Key));

            store.Flush();
            Assert.Equal(["k0", "k1", "k2"], TrialLog.ReadAll(Folder).Select(r => r.Key));
            Assert.EndsWith("}\n", File.ReadAllText(log));
            store.Append(Record("k3"));
        }

        Assert.Equal(["k0", "k1", "k2", "k3"], TrialLog.ReadAll(Folder).Select(r => r.Key)); // closing writes the rest
    }

    [Fact]
    public void Trials_finishing_after_the_batch_window_are_written_at_once()
    {
        var unbatched = new ResultsOptions { WriteBatchWindow = TimeSpan.Zero };
        using var store = RunStore.Open(Request("hash-a"), unbatched, TimeProvider.System, NullLogger.Instance).Store!;

        for (int i = 0; i < 3; i++)
        {
            store.Append(Record($"k{i}"));
            Assert.Equal(i + 1, TrialLog.ReadAll(Folder).Count);
        }
    }

    [Fact]
    public void ReadAll_repairs_a_torn_line_only_when_no_writer_holds_the_folder()
    {
        string log = Path.Combine(Folder, TrialLog.FileName);
        using (var store = Open("hash-a"))
        {
            store.Append(Record("k0"));
            store.Append(Record("k1"));
            store.Flush();
            File.AppendAllText(log, "{\"key\":\"k2\",\"stu");

            Assert.Equal(2, TrialLog.ReadAll(Folder).Count); // a writer is active: the tail is ignored, not cut
            Assert.EndsWith("\"stu", File.ReadAllText(log));
        }

        Assert.Equal(2, TrialLog.ReadAll(log).Count);
        Assert.EndsWith("}\n", File.ReadAllText(log)); // no writer: repaired
    }

    [Fact]
    public void A_damaged_line_before_the_end_is_an_error_with_its_line()
    {
        using (var store = Open("hash-a"))
        {
            store.Append(Record("k0"));
        }

        string log = Path.Combine(Folder, TrialLog.FileName);
        File.WriteAllText(log, "garbage\n" + File.ReadAllText(log));

        var e = Assert.Throws<TrialLogException>(() => TrialLog.ReadAll(Folder));
        Assert.Equal(1, e.Line);
        Assert.StartsWith($"{log}:1: not a trial record", e.Message);
    }

    [Fact]
    public void Completing_rewrites_the_log_in_plan_order_with_one_line_per_key()
    {
        using (var store = Open("hash-a"))
        {
            store.Append(Record("k2"));
            store.Append(Record("k0") with { Status = TrialStatus.Failed, Error = "x" });
            store.Append(Record("other"));
            store.Append(Record("k1"));
            store.Append(Record("k0"));
            store.Complete(store.Manifest.Sessions[^1] with { Status = "completed" }, ["k0", "k1", "k2"]);
        }

        Assert.Equal(["k0", "k1", "k2", "other"], TrialLog.ReadLines(Folder).Select(r => r.Key));
        Assert.All(TrialLog.ReadLines(Folder), r => Assert.Equal(TrialStatus.Ok, r.Status));
        var manifest = RunFolders.ReadManifest(Folder)!;
        Assert.NotNull(manifest.CompletedUtc);
        Assert.Equal("completed", manifest.Sessions[^1].Status);
    }

    [Fact]
    public void Compaction_copies_the_newest_lines_byte_for_byte_and_leaves_a_compact_log_untouched()
    {
        string log = Path.Combine(Folder, TrialLog.FileName);
        using (var store = Open("hash-a"))
        {
            store.Append(Record("k1") with { Output = "first attempt \u00e9\n" });
            store.Append(Record("k0"));
            store.Append(Record("k1") with { Output = "newest \u00e9\u2603" });
            store.Flush();
            var lines = File.ReadAllLines(log);
            store.Complete(store.Manifest.Sessions[^1] with { Status = "completed" }, ["k0", "k1"]);

            Assert.Equal([lines[1], lines[2]], File.ReadAllLines(log));
        }

        var compacted = File.GetLastWriteTimeUtc(log);
        File.SetLastWriteTimeUtc(log, compacted.AddHours(-1));
        using (var resumed = Open("hash-a"))
        {
            resumed.Complete(resumed.Manifest.Sessions[^1] with { Status = "completed" }, ["k0", "k1"]);
        }

        Assert.Equal(compacted.AddHours(-1), File.GetLastWriteTimeUtc(log)); // nothing to do: not rewritten
    }

    [Fact]
    public void A_line_damaged_after_its_key_and_status_is_still_refused_when_resuming()
    {
        using (var store = Open("hash-a"))
        {
            store.Append(Record("k0"));
            store.Append(Record("k1"));
        }

        string log = Path.Combine(Folder, TrialLog.FileName);
        var lines = File.ReadAllLines(log);
        File.WriteAllText(log, lines[0][..^3] + "\n" + lines[1] + "\n");

        var result = RunStore.Open(Request("hash-a"), _options, TimeProvider.System, NullLogger.Instance);

        Assert.Null(result.Store);
        Assert.Contains($"{log}:1: not a trial record", result.Problem);
    }

    [Fact]
    public void Records_are_snake_case_lines_with_timings_apart_and_non_finite_numbers_kept()
    {
        using (var store = Open("hash-a"))
        {
            store.Append(Record("k0") with
            {
                Scores = new Dictionary<string, double> { ["logprob"] = double.NegativeInfinity, ["correct"] = 1 },
                Tokens = [new TokenLogprob(5, " Sad", -0.25f, 1, [new TopAlternative(6, " Happy", -1.5f)])],
            });
        }

        string line = File.ReadAllLines(Path.Combine(Folder, TrialLog.FileName)).Single();
        Assert.StartsWith("{\"key\":\"k0\",\"study\":\"s\",\"kind\":\"fake\",\"model\":\"tiny\",\"role\":\"base\",\"condition\":\"plain\",\"facets\":{\"shots\":\"0\"},\"item_id\":\"i-k0\",\"seed\":0,\"prompt_hash\":\"ph\",\"status\":\"ok\",\"output\":\"Sad.\"", line);
        Assert.Contains("\"scores\":{\"logprob\":\"-Infinity\",\"correct\":1}", line);
        Assert.Contains("\"tokens\":[{\"id\":5,\"text\":\" Sad\",\"logprob\":-0.25,\"rank\":1,\"top\":[{\"id\":6,\"text\":\" Happy\",\"logprob\":-1.5}]}]", line);
        Assert.EndsWith(",\"timings\":{\"elapsed_ms\":1.5,\"finished_utc\":\"2025-01-02T03:04:05+00:00\",\"evaluated_tokens\":0}}", line);
        Assert.DoesNotContain("\"error\"", line);
        var back = TrialLog.ReadAll(Folder).Single();
        Assert.Equal(double.NegativeInfinity, back.Scores["logprob"]);
        Assert.Equal(-1.5f, back.Tokens![0].Top![0].Logprob);
    }

    [Fact]
    public void The_newest_folder_of_the_same_config_is_found_for_resuming()
    {
        string root = _dir.Combine("results");
        var t0 = new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);
        string a = RunFolders.NewFolder(root, "exp", t0);
        Assert.Equal(Path.Combine(root, "exp-20250102-030405"), a);
        foreach (var (folder, hash) in new[] { (a, "h1"), (RunFolders.NewFolder(root, "exp", t0.AddHours(1)), "h2"), (RunFolders.NewFolder(root, "exp", t0.AddHours(2)), "h1") })
        {
            using var store = RunStore.Open(Request(hash) with { Folder = folder }, _options, TimeProvider.System, NullLogger.Instance).Store!;
        }

        Directory.CreateDirectory(Path.Combine(root, "exp-extra-20250102-070000"));
        Assert.Equal(Path.Combine(root, "exp-20250102-050405"), RunFolders.FindResumable(root, "exp", "h1"));
        Assert.Equal(Path.Combine(root, "exp-20250102-040405"), RunFolders.FindResumable(root, "exp", "h2"));
        Assert.Null(RunFolders.FindResumable(root, "exp", "h3"));
        Assert.Equal(Path.Combine(root, "exp-20250102-030405-2"), RunFolders.NewFolder(root, "exp", t0));
    }

    private string Folder => _dir.Combine("run");

    private RunStore Open(string hash)
    {
        var result = RunStore.Open(Request(hash), _options, TimeProvider.System, NullLogger.Instance);
        Assert.True(result.Store is not null, result.Problem);
        return result.Store!;
    }

    private RunStoreRequest Request(string hash) => new()
    {
        Folder = Folder,
        Manifest = new RunManifest
        {
            ConfigName = "exp",
            ConfigHash = hash,
            Config = new ResolvedConfig { File = "exp.yaml", Studies = [], Models = [] },
            Models = [new ModelInfo { Name = "tiny", Backend = "local", Location = "/m/tiny.gguf", Sha256 = "abc123", RuntimeVersion = "llama.cpp test" }],
            CreatedUtc = DateTimeOffset.UtcNow,
        },
        Session = new RunSession { StartedUtc = DateTimeOffset.UtcNow, Args = ["run", "exp.yaml"], Host = HostInfo.Current() },
    };

    private static TrialRecord Record(string key) => new()
    {
        Key = key,
        Study = "s",
        Kind = "fake",
        Model = "tiny",
        Role = "base",
        Condition = "plain",
        Facets = new Dictionary<string, string> { ["shots"] = "0" },
        ItemId = "i-" + key,
        PromptHash = "ph",
        Output = "Sad.",
        Timings = new TrialTimings { ElapsedMs = 1.5, FinishedUtc = new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero) },
    };
}
