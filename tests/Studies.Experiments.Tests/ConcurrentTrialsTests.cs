using Studies.Experiments.Engine;
using Studies.Experiments.Results;
using Studies.Experiments.Scheduling;
using Studies.Experiments.Tests.Fakes;

namespace Studies.Experiments.Tests;

/// <summary>
/// A local model runs as many trials at once as it has contexts. Which context a trial lands on (and what that context
/// had cached) then depends on timing, so this holds only because a prompt scores bit for bit the same whatever its
/// context held: every kind, shared calls (content-free inputs, a chain all interventions act on) and n samples
/// included, on the real stories260K pair.
/// </summary>
public sealed class ConcurrentTrialsTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Trials_on_two_contexts_at_once_equal_those_run_one_at_a_time()
    {
        string Yaml(string concurrency) => $$"""
            defaults:
              models:
                - {path: {{TestPaths.Model(TestPaths.Stories260K)}}, role: base, contexts: 2{{concurrency}}}
                - {path: {{TestPaths.Model("stories260K-chat.gguf")}}, role: assistant, contexts: 2{{concurrency}}}
              threads: 1
            studies:
              - name: sentiment-icl
                kind: icl
                dataset: {synthetic: sentiment, size: 8, seed: 1}
                demos: 8
                labels: [happy, sad]
                conditions: [{type: gold, shots: [2, 4]}, {type: permutation, shots: 2, permutations: 2}, {type: contextual_calibration, shots: 2}]
              - name: counting-cot
                kind: cot
                dataset: {synthetic: counting, size: 4, seed: 2, choices: 3}
                demos: 4
                scoring: generate
                max_tokens: 24
                conditions: [{type: zero_shot_cot}, {type: self_consistency, shots: 1, samples: 3, temperature: 0.7}, {type: early_answering, shots: 1}, {type: adding_mistake, shots: 1}]
              - name: sentiment-explanations
                kind: explanations
                dataset: {synthetic: sentiment, size: 4, seed: 3}
                demos: 6
                labels: [happy, sad]
                parameters: {shots: 2}
                conditions: [{type: explain_after}, {type: scrambled_explanation}]
              - name: color-uncertainty
                kind: uncertainty
                dataset: {synthetic: color, size: 6, seed: 4}
                demos: 4
                scoring: generate
                max_tokens: 8
                conditions: [{type: default, samples: 4, temperature: 1.0}]
            """;
        using var engine = new TestEngine(_dir.Combine("results"));

        var serial = await engine.Engine.RunAsync(
            new StudyRunRequest { StudyFile = _dir.File("serial.yaml", Yaml(", concurrency: 1")), OutputFolder = _dir.Combine("serial") }, NullRunProgress.Instance, CancellationToken.None);
        var concurrent = await engine.Engine.RunAsync(
            new StudyRunRequest { StudyFile = _dir.File("concurrent.yaml", Yaml("")), OutputFolder = _dir.Combine("concurrent") }, NullRunProgress.Instance, CancellationToken.None);

        Assert.True(serial.Status == RunStatus.Completed, serial.Message + string.Join("\n", serial.Problems.Select(p => p.Format())));
        Assert.True(concurrent.Status == RunStatus.Completed, concurrent.Message);
        var one = File.ReadAllLines(Path.Combine(serial.Folder!, TrialLog.FileName));
        var two = File.ReadAllLines(Path.Combine(concurrent.Folder!, TrialLog.FileName));
        Assert.True(one.Length > 150, $"{one.Length} trials");
        Assert.Equal(one.Length, two.Length);
        for (int i = 0; i < one.Length; i++)
        {
            string? difference = TrialLines.Difference(one[i], two[i]);
            Assert.True(difference is null, $"line {i + 1}: {difference}");
        }
    }
}
