using System.Text.RegularExpressions;
using Studies.Experiments.Engine;
using Studies.Experiments.Results;
using Studies.Experiments.Scheduling;
using Studies.Experiments.Tests.Fakes;
using Studies.Experiments.Validation;

namespace Studies.Experiments.Tests;

/// <summary>The engine on the real llama.cpp backend: a base/assistant pair on synthetic data, reproducibly.</summary>
public sealed partial class LocalModelRunTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_base_and_assistant_pair_runs_reproducibly_on_TinyStories()
    {
        string yaml = $$"""
            defaults:
              models:
                - {path: {{TestPaths.Model(TestPaths.TinyStories656K)}}}
                - {path: {{TestPaths.Model(TestPaths.TinyStories656KChat)}}, contexts: 2}
              threads: 1
              max_tokens: 4
            studies:
              - name: sentiment
                kind: fake
                dataset: {synthetic: sentiment, size: 6, seed: 1}
                seeds: [0]
            """;
        string path = _dir.File("exp.yaml", yaml);
        using var engine = new TestEngine(_dir.Combine("results"));

        var first = await engine.Engine.RunAsync(new StudyRunRequest { StudyFile = path, OutputFolder = _dir.Combine("a") }, NullRunProgress.Instance, CancellationToken.None);
        var second = await engine.Engine.RunAsync(new StudyRunRequest { StudyFile = path, OutputFolder = _dir.Combine("b") }, NullRunProgress.Instance, CancellationToken.None);

        Assert.True(first.Status == RunStatus.Completed, first.Message + string.Join("\n", first.Problems.Select(p => p.Format())));
        var records = TrialLog.ReadAll(first.Folder!);
        Assert.Equal(12, records.Count);
        Assert.Equal(["base", "assistant"], records.Select(r => r.Role).Distinct());
        Assert.Equal(["TinyStories-656K", "TinyStories-656K-chat"], records.Select(r => r.Model).Distinct());
        Assert.All(records, r => Assert.True(r.PromptTokens > 0 && r.Timings.EvaluatedTokens > 0 && r.Output is not null));
        var (a, b) = (Lines(first.Folder!), Lines(second.Folder!));
        for (int i = 0; i < a.Length; i++)
        {
            Assert.Equal(a[i], b[i]);
        }

        var manifest = RunFolders.ReadManifest(first.Folder!)!;
        Assert.Equal("a06a9dfa522ebb13ae69f245daf18478e3bcf396839119713bec237e5246a3d2", manifest.Models[0].Sha256);
        Assert.Contains("llama.cpp", manifest.Models[0].RuntimeVersion, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("assistant", manifest.Config.Models[1].Role);
    }

    private static string[] Lines(string folder) =>
        File.ReadAllLines(Path.Combine(folder, TrialLog.FileName)).Select(l => Timings().Replace(l, "")).ToArray();

    [GeneratedRegex(",\"timings\":\\{[^}]*\\}")]
    private static partial Regex Timings();
}
