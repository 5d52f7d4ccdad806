using Studies.Analysis.Diff;
using Studies.Analysis.Tests.Plots;
using Studies.Experiments.Results;

namespace Studies.Analysis.Tests.Diff;

public sealed class RunDiffTests : IDisposable
{
    private readonly string _root = DiffFixtures.TempRoot();

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Run_against_itself_reports_no_change()
    {
        string run = DiffFixtures.BaseRun(_root);

        var outcome = await DiffRunner.RunAsync(new DiffRequest { RunA = run, RunB = run, FailOnRegression = 0 });

        var diff = outcome.Diff;
        Assert.True(diff.Unchanged);
        Assert.Equal(0, outcome.ExitCode);
        Assert.True(outcome.Gate!.Passed);
        Assert.Equal(PairingRule.SameModel, Assert.Single(diff.Match.Pairings).Rule);
        Assert.Equal(40, diff.Match.Counts.Paired);
        Assert.Equal(2, diff.Groups.Count);
        Assert.All(diff.Groups, g =>
        {
            Assert.Equal((0.0, 0.0, 0.0), (g.Delta.Estimate, g.Delta.Lower, g.Delta.Upper));
            Assert.Equal((0, 0, 0), (g.RightToWrong, g.WrongToRight, g.OutputsChanged));
            Assert.Equal(1.0, g.McNemar.PValue);
            Assert.All(g.Scores, s => Assert.Equal(0.0, s.Delta.Estimate));
        });
        Assert.Empty(diff.Flips);
        Assert.Empty(diff.ManifestDifferences);
        Assert.Contains("No change", DiffReportBuilder.Verdict(diff), StringComparison.Ordinal);
        Assert.Equal(Path.Combine(_root, "diff-icl-20250101-120000-vs-icl-20250101-120000"), outcome.Files.Folder);
        Assert.Contains("No change", await File.ReadAllTextAsync(outcome.Files.Markdown), StringComparison.Ordinal);
        Assert.True(File.Exists(outcome.Files.Html));
        Assert.Equal("", await File.ReadAllTextAsync(outcome.Files.Flips));
    }

    [Fact]
    public async Task Base_against_assistant_pairs_across_models_and_lists_flips()
    {
        string a = DiffFixtures.BaseRun(_root);
        string b = DiffFixtures.Write(_root, "icl-20250102-120000",
            DiffFixtures.Manifest("hash-chat", [("stories260K-chat", "assistant", "sha-chat")]),
            DiffFixtures.Trials("stories260K-chat", "assistant", (i, shots) => shots == 0 ? i < 6 || (i >= 10 && i < 18) : i < 4));
        string output = Path.Combine(_root, "out");

        var outcome = await DiffRunner.RunAsync(new DiffRequest { RunA = a, RunB = b, Output = output });

        var diff = outcome.Diff;
        await SampleOutput.SaveReportAsync("diff-base-vs-assistant", DiffReportBuilder.Build(diff));
        var pairing = Assert.Single(diff.Match.Pairings);
        Assert.Equal(PairingRule.ByPosition, pairing.Rule);
        Assert.Equal(("stories260K", "stories260K-chat"), (pairing.Pairs[0].ModelA, pairing.Pairs[0].ModelB));
        Assert.Equal(40, diff.Match.Counts.Paired);

        // demo_majority and gold_is_a describe items: only shots splits the condition.
        Assert.Equal(["shots=0", "shots=4"], diff.Groups.Select(g => g.Key.Facets));
        var zero = diff.Groups[0];
        var four = diff.Groups[1];
        Assert.Equal((0.5, 0.7), (zero.AccuracyA, zero.AccuracyB));
        Assert.Equal(0.2, zero.Delta.Estimate, 12);
        Assert.Equal((4, 8), (zero.RightToWrong, zero.WrongToRight));
        Assert.Equal(-0.3, four.Delta.Estimate, 12);
        Assert.True(four.Delta.Lower < four.Delta.Estimate && four.Delta.Upper <= 0);
        Assert.Equal((6, 0), (four.RightToWrong, four.WrongToRight));
        Assert.Equal(0.03125, four.McNemar.PValue, 12);
        Assert.Equal(0.0625, four.HolmPValue, 12);
        Assert.Contains(four.Scores, s => s.Name == "prob_gold");
        Assert.DoesNotContain(four.Scores, s => s.Name == "gold_index");

        Assert.Equal(18, diff.Flips.Count);
        var flip = diff.Flips.First(f => f.Direction == FlipDirection.RightToWrong && f.A.ItemId == "i6");
        Assert.False(flip.SamePrompt);
        Assert.Equal((" positive", " negative"), (flip.A.Output, flip.B.Output));

        string md = await File.ReadAllTextAsync(outcome.Files.Markdown);
        Assert.Contains("Right → wrong (10)", md, StringComparison.Ordinal);
        Assert.Contains("Wrong → right (8)", md, StringComparison.Ordinal);
        Assert.Contains("stories260K → stories260K-chat", md, StringComparison.Ordinal);
        Assert.Contains("−30.0", md, StringComparison.Ordinal);
        Assert.Contains("figures/", md, StringComparison.Ordinal);
        string html = await File.ReadAllTextAsync(outcome.Files.Html);
        Assert.Contains("data:image/png;base64,", html, StringComparison.Ordinal);
        Assert.Equal(18, (await File.ReadAllLinesAsync(outcome.Files.Flips)).Length);
        Assert.Contains("\"direction\":\"right_to_wrong\"", await File.ReadAllTextAsync(outcome.Files.Flips), StringComparison.Ordinal);

        // The paired models' identities are compared.
        Assert.Contains(diff.ManifestDifferences, d => d.Section == "model stories260K → stories260K-chat" && d.Setting == "sha256"
            && d.A == "sha-base" && d.B == "sha-chat");
        Assert.Contains(diff.ManifestDifferences, d => d.Setting == "config.role" && d.A == "base" && d.B == "assistant");
    }

    [Fact]
    public void Intervals_are_deterministic()
    {
        string a = DiffFixtures.BaseRun(_root);
        string b = DiffFixtures.Write(_root, "b", DiffFixtures.Manifest("hash-base", [("stories260K", "base", "sha-base")]),
            DiffFixtures.Trials("stories260K", "base", (i, _) => i % 3 != 0));

        var first = RunDiffer.Compare(RunResultsReader.Read(a), RunResultsReader.Read(b));
        var second = RunDiffer.Compare(RunResultsReader.Read(a), RunResultsReader.Read(b));

        Assert.Equal(first.Groups.Select(g => g.Delta), second.Groups.Select(g => g.Delta));
        Assert.All(first.Groups, g => Assert.True(g.Delta.Lower < g.Delta.Upper));
    }

    [Fact]
    public async Task Failed_trials_are_counted_and_excluded()
    {
        string a = DiffFixtures.BaseRun(_root);
        var trials = DiffFixtures.Trials("stories260K", "base", (i, _) => i < 10);
        trials[0] = DiffFixtures.Trial("stories260K", "base", "i0", 0, null, TrialStatus.Failed);
        trials[1] = DiffFixtures.Trial("stories260K", "base", "i1", 0, null, TrialStatus.Failed);
        trials.RemoveAt(39);
        string b = DiffFixtures.Write(_root, "b", DiffFixtures.Manifest("hash-base", [("stories260K", "base", "sha-base")]), trials);

        var outcome = await DiffRunner.RunAsync(new DiffRequest { RunA = a, RunB = b, Output = Path.Combine(_root, "out") });

        var counts = outcome.Diff.Match.Counts;
        Assert.Equal((40, 39, 0, 2, 37, 3, 0), (counts.TrialsA, counts.TrialsB, counts.FailedA, counts.FailedB, counts.Paired, counts.UnpairedA, counts.UnpairedB));
        Assert.Equal([18, 19], outcome.Diff.Groups.Select(g => g.Pairs));
        Assert.Empty(outcome.Diff.Flips);
        Assert.All(outcome.Diff.Groups, g => Assert.Equal(0, g.Delta.Estimate));
        Assert.False(outcome.Diff.Unchanged);
        Assert.Contains("Failed trials (excluded from pairing): A 0, B 2.", await File.ReadAllTextAsync(outcome.Files.Markdown), StringComparison.Ordinal);

        // A trial that failed in both runs is no change.
        var self = await DiffRunner.RunAsync(new DiffRequest { RunA = b, RunB = b, Output = Path.Combine(_root, "self") });
        Assert.True(self.Diff.Unchanged);
        Assert.Equal((2, 2, 37), (self.Diff.Match.Counts.FailedA, self.Diff.Match.Counts.FailedB, self.Diff.Match.Counts.Paired));
    }

    [Fact]
    public async Task Torn_last_line_is_tolerated()
    {
        string a = DiffFixtures.BaseRun(_root);
        string b = DiffFixtures.BaseRun(_root, "torn");
        await File.AppendAllTextAsync(Path.Combine(b, TrialLog.FileName), "{\"key\":\"stories260K|gold|i99|0\",\"study\":\"ss");

        var outcome = await DiffRunner.RunAsync(new DiffRequest { RunA = a, RunB = b, Output = Path.Combine(_root, "out") });

        Assert.Equal(40, outcome.Diff.B.Trials.Count);
        Assert.Equal(40, outcome.Diff.Match.Counts.Paired);
        Assert.Empty(outcome.Diff.Flips);
    }

    [Fact]
    public void Same_models_with_changed_identity_and_settings_show_in_the_manifest_differences()
    {
        string a = DiffFixtures.BaseRun(_root);
        string b = DiffFixtures.Write(_root, "b",
            DiffFixtures.Manifest("hash-other", [("stories260K", "base", "sha-requantized")], temperature: 0.7f, datasetSha: "data-sha-2", runtime: "llama.cpp b7000"),
            DiffFixtures.Trials("stories260K", "base", (i, _) => i < 10));

        var diff = RunDiffer.Compare(RunResultsReader.Read(a), RunResultsReader.Read(b));

        Assert.Equal(PairingRule.SameModel, Assert.Single(diff.Match.Pairings).Rule);
        var found = diff.ManifestDifferences.Select(d => (d.Section, d.Setting, d.A, d.B)).ToList();
        Assert.Contains(("run", "config_hash", "hash-base", "hash-other"), found);
        Assert.Contains(("model stories260K", "sha256", "sha-base", "sha-requantized"), found);
        Assert.Contains(("model stories260K", "runtime_version", "llama.cpp b6000", "llama.cpp b7000"), found);
        Assert.Contains(("study sst2", "sampling.temperature", "0", "0.7"), found);
        Assert.Contains(("study sst2", "dataset.content_sha256", "data-sha", "data-sha-2"), found);
        Assert.Equal(5, found.Count);
        Assert.False(diff.Unchanged);
        Assert.Empty(diff.Flips);
    }

    [Fact]
    public async Task Regression_gate_sets_the_exit_code()
    {
        string a = DiffFixtures.BaseRun(_root);
        string b = DiffFixtures.Write(_root, "b", DiffFixtures.Manifest("hash-base", [("stories260K", "base", "sha-base")]),
            DiffFixtures.Trials("stories260K", "base", (i, shots) => shots == 0 ? i < 12 : i < 4));
        string output = Path.Combine(_root, "out");

        async Task<DiffOutcome> Run(double? x) => await DiffRunner.RunAsync(new DiffRequest { RunA = a, RunB = b, Output = output, FailOnRegression = x });

        Assert.Equal(0, (await Run(null)).ExitCode);
        var failed = await Run(0.1);
        Assert.Equal(1, failed.ExitCode);
        Assert.Equal("shots=4", Assert.Single(failed.Gate!.Regressions).Key.Facets);
        Assert.Contains("−30.0 points", failed.Gate.Message, StringComparison.Ordinal);
        Assert.Contains("FAILED", await File.ReadAllTextAsync(failed.Files.Markdown), StringComparison.Ordinal);
        Assert.Equal(1, (await Run(0.29)).ExitCode);
        Assert.Equal(0, (await Run(0.3)).ExitCode); // a drop of exactly X passes
        Assert.Equal(0, (await Run(0.5)).ExitCode);

        // Improvements never fail the gate, even at X = 0.
        Assert.Equal(0, (await DiffRunner.RunAsync(new DiffRequest { RunA = a, RunB = a, Output = output, FailOnRegression = 0 })).ExitCode);
        var ex = await Assert.ThrowsAsync<DiffInputException>(() => Run(5));
        Assert.Contains("between 0 and 1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Regression_gate_fails_when_nothing_could_be_paired()
    {
        string a = DiffFixtures.BaseRun(_root);
        var other = DiffFixtures.Trials("stories260K", "base", (i, _) => true).Select(t => t with { Study = "other" });
        var manifest = DiffFixtures.Manifest("hash-base", [("stories260K", "base", "sha-base")]);
        string b = DiffFixtures.Write(_root, "b", manifest, other);

        var outcome = await DiffRunner.RunAsync(new DiffRequest { RunA = a, RunB = b, Output = Path.Combine(_root, "out"), FailOnRegression = 0.05 });

        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal(["sst2"], outcome.Diff.Match.StudiesOnlyInA);
        Assert.Equal(["other"], outcome.Diff.Match.StudiesOnlyInB);
        Assert.Contains("nothing to gate on", outcome.Gate!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0.05", 0.05)]
    [InlineData("5%", 0.05)]
    [InlineData(" 0 ", 0.0)]
    [InlineData("100%", 1.0)]
    public void Regression_threshold_reads_fractions_and_percent(string text, double expected) =>
        Assert.Equal(expected, RegressionGate.ParseThreshold(text), 12);

    [Theory]
    [InlineData("abc")]
    [InlineData("5")]
    [InlineData("-0.1")]
    [InlineData("NaN")]
    public void Regression_threshold_rejects_what_is_not_a_fraction(string text) =>
        Assert.Throws<DiffInputException>(() => RegressionGate.ParseThreshold(text));
}
