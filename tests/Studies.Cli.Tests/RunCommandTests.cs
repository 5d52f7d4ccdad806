using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Studies.Cli.Tests;

/// <summary>`studies run` and `studies validate` through the real program on the real tiny models.</summary>
public sealed class RunCommandTests : IDisposable
{
    // Small but covers three kinds and both roles; runs in seconds.
    private const string Study = """
        defaults:
          models:
            - {name: stories260K, role: base}
            - {name: stories260K-chat, role: assistant}
          seeds: [0]
        studies:
          - name: icl
            kind: icl
            dataset: {synthetic: sentiment, size: 24, seed: 1}
            demos: 8
            labels: [happy, sad]
            conditions:
              - {type: gold, shots: [2, 4]}
              - {type: random_labels, shots: 4}
          - name: cot
            kind: cot
            dataset: {synthetic: counting, size: 6, seed: 2}
            demos: 4
            scoring: generate
            max_tokens: 24
            conditions: [{type: direct}, {type: zero_shot_cot}]
          - name: unc
            kind: uncertainty
            dataset: {synthetic: color, size: 8, seed: 4}
            demos: 4
            scoring: generate
            max_tokens: 8
            conditions: [{type: default, samples: 3}]
        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("studies-run-").FullName;

    public RunCommandTests() => File.WriteAllText(Path.Combine(_dir, "study.yaml"), Study);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task RunWritesTheResultsFolderAndTheReport()
    {
        string output = Path.Combine(_dir, "out");
        var (code, stdout, stderr) = await StudiesProcess.RunAsync(_dir, "run", "study.yaml", "--out", output);
        Assert.True(code == 0, stderr);
        Assert.Equal(output, stdout.Trim());
        foreach (string file in new[] { "manifest.json", "trials.jsonl", "summary.json", "report.md", "report.html" })
        {
            Assert.True(File.Exists(Path.Combine(output, file)), $"{file} missing");
        }

        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "manifest.json")))!;
        Assert.Equal("270cba1bd5109f42d03350f60406024560464db173c0e387d91f0426d3bd256d", manifest["models"]![0]!["sha256"]!.GetValue<string>());
        Assert.Contains("llama.cpp", manifest["models"]![0]!["runtime_version"]!.GetValue<string>());
        var summary = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "summary.json")))!;
        Assert.NotEmpty(summary["groups"]!.AsArray());
        Assert.NotEmpty(summary["base_vs_assistant"]!.AsArray());
        Assert.Contains(summary["headlines"]!.AsArray(), h => h!["name"]!.GetValue<string>().StartsWith("gold - random", StringComparison.Ordinal));
        string html = File.ReadAllText(Path.Combine(output, "report.html"));
        Assert.Contains("data:image/png;base64,", html);
        Assert.DoesNotContain("http://", html);

        // Running again resumes: nothing left to do, same trials.
        var (again, _, stderr2) = await StudiesProcess.RunAsync(_dir, "run", "study.yaml", "--out", output);
        Assert.Equal(0, again);
        Assert.Contains("0 trials", stderr2.Replace("\n", " ", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SameConfigAndSeedGiveIdenticalTrialsApartFromTimings()
    {
        var (a, _, e1) = await StudiesProcess.RunAsync(_dir, "run", "study.yaml", "--out", Path.Combine(_dir, "a"), "--study", "icl", "--study", "cot");
        var (b, _, e2) = await StudiesProcess.RunAsync(_dir, "run", "study.yaml", "--out", Path.Combine(_dir, "b"), "--study", "icl", "--study", "cot");
        Assert.True(a == 0 && b == 0, e1 + e2);
        Assert.Equal(WithoutTimings(Path.Combine(_dir, "a")), WithoutTimings(Path.Combine(_dir, "b")));
    }

    [Fact]
    public async Task SigkillAtRandomMomentsThenResumeEndsWithExactlyTheUninterruptedKeys()
    {
        string reference = Path.Combine(_dir, "reference");
        var (code, _, stderr) = await StudiesProcess.RunAsync(_dir, "run", "study.yaml", "--out", reference, "--no-report");
        Assert.True(code == 0, stderr);

        string killed = Path.Combine(_dir, "killed");
        var random = new Random(42);
        for (int attempt = 0; attempt < 4; attempt++)
        {
            using var process = StudiesProcess.Start(_dir, "run", "study.yaml", "--out", killed, "--no-report");
            await Task.Delay(TimeSpan.FromMilliseconds(random.Next(600, 2500)));
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true); // SIGKILL: no chance to flush or clean up
            }

            await process.WaitForExitAsync();
        }

        var (resumed, _, resumeErr) = await StudiesProcess.RunAsync(_dir, "run", "study.yaml", "--out", killed, "--no-report");
        Assert.True(resumed == 0, resumeErr);
        var lines = File.ReadAllLines(Path.Combine(killed, "trials.jsonl"));
        var keys = lines.Select(l => JsonNode.Parse(l)!["key"]!.GetValue<string>()).ToList(); // every line is valid JSON
        Assert.Equal(keys.Count, keys.Distinct().Count());
        var expected = File.ReadAllLines(Path.Combine(reference, "trials.jsonl")).Select(l => JsonNode.Parse(l)!["key"]!.GetValue<string>()).ToHashSet();
        Assert.True(expected.SetEquals(keys), $"{expected.Count} reference keys vs {keys.Count} after kills");
        var uninterrupted = File.ReadAllLines(Path.Combine(reference, "trials.jsonl"));
        Assert.Equal(uninterrupted.Length, lines.Length);
        for (int i = 0; i < lines.Length; i++)
        {
            string? difference = Studies.Experiments.Tests.TrialLines.Difference(uninterrupted[i], lines[i]);
            Assert.True(difference is null, $"line {i + 1}: {difference}");
        }
    }

    [Fact]
    public async Task SigtermFinishesInFlightTrialsAndSaysHowToResume()
    {
        string output = Path.Combine(_dir, "term");
        using var process = StudiesProcess.Start(_dir, "run", "study.yaml", "--out", output);
        string trials = Path.Combine(output, "trials.jsonl");
        var clock = Stopwatch.StartNew();
        while (!(File.Exists(trials) && new FileInfo(trials).Length > 0) && clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(50);
        }

        Assert.True(File.Exists(trials), "the run never started writing trials");
        StudiesProcess.Signal(process, 15);
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
        Assert.Equal(130, process.ExitCode);
        Assert.Contains("Resume with the same command", await stderr);
        Assert.All(File.ReadAllLines(trials), l => JsonNode.Parse(l));
    }

    [Fact]
    public async Task ValidateReportsEveryProblemWithFileLineAndColumn()
    {
        File.WriteAllText(Path.Combine(_dir, "bad.yaml"), """
            studies:
              - name: a
                kind: icl
                modles: [stories260K]
                dataset: {synthetic: sentiment, size: 10}
              - name: b
                kind: icll
                dataset: missing.jsonl
            """);
        var (code, stdout, stderr) = await StudiesProcess.RunAsync(_dir, "validate", "bad.yaml");
        Assert.Equal(2, code);
        Assert.Contains("bad.yaml:4:5", stderr);
        Assert.Contains("did you mean 'models'", stderr);
        Assert.Contains("bad.yaml:7:11", stderr);
        Assert.Contains("did you mean 'icl'", stderr, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("missing.jsonl", stderr);
        Assert.DoesNotContain("   at ", stderr);
        Assert.DoesNotContain("valid", stdout);

        var (runCode, _, runErr) = await StudiesProcess.RunAsync(_dir, "run", "bad.yaml");
        Assert.Equal(2, runCode);
        Assert.Contains("bad.yaml:4:5", runErr);
    }

    [Fact]
    public async Task ValidateAcceptsTheExampleStudies()
    {
        string example = Path.Combine(StudiesProcess.RepositoryRoot, "experiments.yaml");
        var (code, stdout, stderr) = await StudiesProcess.RunAsync(StudiesProcess.RepositoryRoot, "validate", example);
        Assert.True(code == 0, stderr);
        Assert.Contains("valid", stdout);
    }

    /// <summary>trials.jsonl with the run-dependent timings removed, one line per trial.</summary>
    private static string WithoutTimings(string folder) => string.Join('\n', File.ReadAllLines(Path.Combine(folder, "trials.jsonl")).Select(l =>
    {
        var node = JsonNode.Parse(l)!.AsObject();
        node.Remove("timings");
        return node.ToJsonString();
    }));
}
