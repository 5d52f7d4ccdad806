using Studies.Experiments.Engine;
using Studies.Experiments.Results;
using Studies.Experiments.Scheduling;
using Studies.Experiments.Tests.Fakes;
using Xunit.Abstractions;

namespace Studies.Experiments.Tests;

/// <summary>The four built-in kinds through the whole engine on a real base/assistant pair and synthetic data.</summary>
public sealed class BuiltInKindsRunTests(ITestOutputHelper log) : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    // TinyStories-656K (no byte fallback) runs cot's direct condition only: the chain-of-thought conditions' answer
    // extraction prompt has parentheses, which that vocabulary cannot encode (those trials fail cleanly, recorded as
    // failed with UnencodableTextException; the kinds own that text).
    [Theory]
    [InlineData(TestPaths.Stories260K, "stories260K-chat.gguf", "[{type: direct}, {type: zero_shot_cot}, {type: few_shot_cot, shots: 1}]")]
    [InlineData(TestPaths.TinyStories656K, TestPaths.TinyStories656KChat, "[{type: direct}]")]
    public async Task Every_kind_runs_end_to_end(string baseModel, string chatModel, string cotConditions)
    {
        string yaml = $$"""
            defaults:
              models: [{path: {{TestPaths.Model(baseModel)}}}, {path: {{TestPaths.Model(chatModel)}}}]
              max_tokens: 24
            studies:
              - name: sentiment-icl
                kind: icl
                dataset: {synthetic: sentiment, size: 4, seed: 1}
                demos: 8
                conditions: [{type: zero_shot}, {type: gold, shots: 2}, {type: random_labels, shots: 2}]
              - name: counting-cot
                kind: cot
                scoring: generate
                dataset: {synthetic: counting, size: 3, seed: 1}
                demos: 4
                conditions: {{cotConditions}}
              - name: color-explanations
                kind: explanations
                dataset: {synthetic: color, size: 3, seed: 1}
                demos: 4
                parameters: {shots: 2}
                conditions: [{type: no_explanation}, {type: explain_after}, {type: explain_before}]
              - name: story-uncertainty
                kind: uncertainty
                scoring: generate
                dataset: {synthetic: story_qa, size: 3, seed: 1}
                parameters: {samples: 3, temperature: 0.8}
            """;
        string path = _dir.File("exp.yaml", yaml);
        using var engine = new TestEngine(_dir.Combine("results"));

        var result = await engine.Engine.RunAsync(new StudyRunRequest { StudyFile = path }, NullRunProgress.Instance, CancellationToken.None);

        foreach (var p in result.Problems.Concat(result.Warnings))
        {
            log.WriteLine(p.Format());
        }

        foreach (var failed in result.Folder is null ? [] : TrialLog.ReadAll(result.Folder).Where(r => r.Status == TrialStatus.Failed).Take(20))
        {
            log.WriteLine($"FAILED {failed.Study}/{failed.Model}/{failed.Condition}: {failed.ErrorType}: {failed.Error}");
        }

        Assert.True(result.Status == RunStatus.Completed, $"{result.Status}: {result.Message}\n{string.Join("\n", result.Problems.Select(p => p.Format()))}");
        var records = TrialLog.ReadAll(result.Folder!);
        Assert.Equal(["sentiment-icl", "counting-cot", "color-explanations", "story-uncertainty"], records.Select(r => r.Study).Distinct().Order(Comparer<string>.Create((a, b) => Order(a).CompareTo(Order(b)))));
        Assert.All(records, r => Assert.Equal(TrialStatus.Ok, r.Status));
        foreach (var group in records.GroupBy(r => (r.Study, r.Model)))
        {
            log.WriteLine($"{group.Key.Study} / {group.Key.Model}: {group.Count()} trials, accuracy {group.Average(r => r.Correct == true ? 1.0 : 0.0):0.00}");
        }

        static int Order(string s) => s switch { "sentiment-icl" => 0, "counting-cot" => 1, "color-explanations" => 2, _ => 3 };
    }
}
