using Studies.Backends;
using Studies.Experiments.Config;
using Studies.Experiments.Engine;
using Studies.Experiments.Model;

namespace Studies.Experiments.Tests;

/// <summary>Parsing study files: the resolved shape, and every binding problem with its line:column.</summary>
public sealed class StudyFileTests
{
    private const string Example = """
        defaults:
          backend: local
          models:
            - TinyStories-656K
            - {name: TinyStories-656K-chat, role: assistant}
          seeds: [0, 1]
          scoring: loglik
          max_tokens: 16
          threads: 1
          sampling: {temperature: 0.5, top_p: 0.9}
        studies:
          - name: sentiment
            kind: icl
            dataset: {synthetic: sentiment, size: 20, seed: 3}
            demos: 8
            labels: [happy, sad]
            sampling: {temperature: 0.8}
            parameters: {instruction: "Is it happy or sad?", samples: 4, ratios: [0.5, 1]}
            conditions:
              - {type: gold_labels, shots: 4}
              - {type: gold_labels, shots: 8}
              - {name: flipped, type: flipped_labels, shots: 4, p: 0.5}
              - zero_shot
          - name: trec
            kind: cot
            scoring: generate
            limit: 10
            models: [{path: models/m.gguf, alias: mine, chat_template: chatml, threads: 2, contexts: 3}]
            dataset:
              file: data/trec.txt
              format: trec
              fields: {input: question, label: label}
              label_map: {NUM: number, LOC: location}
        """;

    [Fact]
    public void Parses_defaults_studies_models_and_conditions()
    {
        var result = StudyFileLoader.Parse(Example, "/tmp/exp/experiments.yaml");

        Assert.Empty(result.Problems);
        var file = result.File!;
        Assert.Equal("experiments", file.Name);
        Assert.Equal(2, file.Studies.Count);

        var sentiment = file.Studies[0];
        Assert.Equal("icl", sentiment.Definition.Kind);
        Assert.Equal([0, 1], sentiment.Definition.Seeds);
        Assert.Equal(16, sentiment.Definition.MaxTokens);
        Assert.Equal(ScoringMethod.LogLikelihood, sentiment.Definition.Scoring);
        Assert.Equal(0.8f, sentiment.Definition.Sampling.Temperature);
        Assert.Equal(0.9f, sentiment.Definition.Sampling.TopP); // merged per key with defaults
        Assert.Equal(["happy", "sad"], sentiment.Definition.Labels);
        Assert.Equal("sentiment", sentiment.Dataset.Synthetic);
        Assert.Equal(20, sentiment.Dataset.Size);
        Assert.Equal(3, sentiment.Dataset.Seed);
        Assert.Equal(8, sentiment.Demos.Size);
        Assert.Equal("Is it happy or sad?", sentiment.Definition.Parameters["instruction"]);
        Assert.Equal(4L, sentiment.Definition.Parameters["samples"]);
        Assert.Equal(new List<object?> { 0.5, 1L }, sentiment.Definition.Parameters["ratios"]);

        Assert.Equal(["gold_labels shots=4", "gold_labels shots=8", "flipped", "zero_shot"], sentiment.Definition.Conditions.Select(c => c.Name));
        Assert.Equal(0.5, sentiment.Definition.Conditions[2].Parameters["p"]);
        Assert.Equal(new SourceLocation("/tmp/exp/experiments.yaml", 20, 9), sentiment.Definition.Conditions[0].Location);

        Assert.Equal(2, sentiment.Models.Count);
        Assert.Equal("TinyStories-656K", sentiment.Models[0].Name);
        Assert.Null(sentiment.Models[0].Role);
        Assert.Equal(ModelRole.Assistant, sentiment.Models[1].Role);
        Assert.Equal(1, sentiment.Models[1].Threads);

        var trec = file.Studies[1];
        Assert.Equal(ScoringMethod.Generation, trec.Definition.Scoring);
        Assert.Equal(10, trec.Limit);
        var model = Assert.Single(trec.Models);
        Assert.Equal("/tmp/exp/models/m.gguf", model.Path);
        Assert.Equal("mine", model.DisplayName);
        Assert.Equal((2, 3), (model.Threads!.Value, model.Contexts!.Value));
        Assert.Equal("chatml", model.ChatTemplate);
        Assert.Equal("/tmp/exp/data/trec.txt", trec.Dataset.FullPath);
        Assert.Equal("trec", trec.Dataset.Format);
        Assert.Equal("question", trec.Dataset.Fields.Input);
        Assert.Equal([new("NUM", "number"), new("LOC", "location")], trec.Dataset.LabelMap);
        Assert.Equal(new SourceLocation("/tmp/exp/experiments.yaml", 25, 11), trec.KindLocation);
    }

    [Fact]
    public void Remote_model_entries_bind_for_a_provider_to_come()
    {
        var result = StudyFileLoader.Parse("""
            studies:
              - name: s
                kind: icl
                dataset: d.jsonl
                models:
                  - {backend: remote, url: "http://localhost:8080/v1", model: qwen2.5-0.5b, api_key_env: OPENAI_API_KEY, concurrency: 8, role: assistant}
            """, "e.yaml");

        Assert.Empty(result.Problems);
        var model = Assert.Single(result.File!.Studies[0].Models);
        Assert.Equal(("remote", "http://localhost:8080/v1", "qwen2.5-0.5b", "OPENAI_API_KEY", 8), (model.Backend, model.Url, model.RemoteModel, model.ApiKeyEnv, model.Concurrency!.Value));
        Assert.Equal("qwen2.5-0.5b", model.DisplayName);
    }

    public static TheoryData<string, string, string> Problems => new()
    {
        // yaml, expected "line:column", expected message fragment
        { "studies:\n  - name: a\n   kind: icl\n", "3:4", "YAML syntax error" },
        { "studies:\n  - name: a\n    kind: icl\n    modles: [x]\n    dataset: d.jsonl\n", "4:5", "unknown key 'modles' in study 'a': did you mean 'models'?" },
        { "defaults:\n  colour: red\nstudies: []\n", "2:3", "unknown key 'colour' in defaults: remove it or fix its spelling. (allowed keys: backend, models" },
        { "studeis: []\n", "1:1", "unknown key 'studeis' in the study file: did you mean 'studies'?" },
        { "studies:\n  - name: a\n    kind: icl\n    dataset: d.jsonl\n    max_tokens: ten\n", "5:17", "'max_tokens' in study 'a' must be a whole number, not the text \"ten\": write e.g. max_tokens: 48" },
        { "studies:\n  - name: a\n    kind: icl\n    dataset: d.jsonl\n    max_tokens: 0\n", "5:17", "'max_tokens' in study 'a' must be between 1 and 100000, not 0." },
        { "studies:\n  - name: a\n    kind: icl\n    dataset: d.jsonl\n    scoring: logliks\n", "5:14", "'scoring' in study 'a' must be one of loglik, generate, not 'logliks'. Did you mean 'loglik'?" },
        { "studies:\n  - name: a\n    kind: icl\n    dataset: d.jsonl\n    seeds: [1, x]\n", "5:16", "'seeds' in study 'a' must be a whole number, not the text \"x\"" },
        { "studies:\n  - name: a\n    kind: icl\n    dataset: d.jsonl\n    seeds: [1, 1]\n", "5:12", "'seeds' in study 'a' repeats a seed" },
        { "studies:\n  - name: a\n    kind: icl\n    dataset: d.jsonl\n    labels: {a: b}\n", "5:13", "'labels' in study 'a' must be a list, not a mapping" },
        { "studies:\n  - name: a\n    kind: icl\n    dataset: d.jsonl\n    sampling: {temperature: hot}\n", "5:29", "'temperature' in 'sampling' of study 'a' must be a number, not the text \"hot\"" },
        { "studies:\n  - name: a\n    kind: icl\n    dataset: d.jsonl\n    sampling: {top_p: 2}\n", "5:23", "'top_p' in 'sampling' of study 'a' must be between 0 and 1, not 2." },
        { "studies:\n  - name: a\n    kind: icl\n    dataset: d.jsonl\n    models: [{name: m, role: helper}]\n", "5:30", "'role' in a model of study 'a' must be one of base, assistant, not 'helper'." },
        { "studies:\n  - name: a\n    kind: icl\n    dataset: d.jsonl\n    models: [{role: base}]\n", "5:14", "a model of study 'a' needs a name: (found on the model search path) or a path: to a .gguf file." },
        { "studies:\n  - kind: icl\n    dataset: d.jsonl\n", "2:5", "study #1 needs a name: add name: <a short identifier>" },
        { "studies:\n  - name: a\n    dataset: d.jsonl\n", "2:5", "study 'a' needs a kind: add kind: icl" },
        { "studies:\n  - name: a\n    kind: icl\n", "2:5", "study 'a' has no dataset: add dataset: path/to/file.jsonl, or dataset: {synthetic: sentiment, size: 60, seed: 1}." },
        { "studies:\n  - name: a\n    kind: icl\n    dataset: {file: d.jsonl, synthetic: sentiment}\n", "4:14", "the dataset of study 'a' has both file: and synthetic: — keep one." },
        { "studies:\n  - name: a\n    kind: icl\n    dataset: {file: d.jsonl, size: 3}\n", "4:30", "'size' applies to synthetic datasets only" },
        { "studies:\n  - name: a\n    kind: icl\n    dataset: {file: d.jsonl, fields: {inptu: x}}\n", "4:39", "unknown key 'inptu' in 'fields' of the dataset of study 'a': did you mean 'input'?" },
        { "studies:\n  - name: a\n    kind: icl\n    dataset: d.jsonl\n  - name: a\n    kind: icl\n    dataset: d.jsonl\n", "5:5", "two studies are named 'a' (first at line 2): study names must be unique." },
        { "studies:\n  - name: a\n    kind: icl\n    kind: cot\n    dataset: d.jsonl\n", "4:5", "duplicate key 'kind' (first written at line 3): keep one of them." },
        { "studies:\n  - name: a\n    kind: icl\n    dataset: d.jsonl\n    conditions: [{shots: 3}]\n", "5:18", "a condition of study 'a' has no 'type'" },
        { "studies:\n  - name: a\n    kind: icl\n    dataset: d.jsonl\n    conditions: [{type: x, name: c}, {type: y, name: c}]\n", "5:38", "study 'a' has two conditions named 'c' (first at line 5)" },
        { "studies:\n  - name: a\n    kind: icl\n    dataset: d.jsonl\n    parameters: {nested: {a: 1}}\n", "5:26", "'nested' in 'parameters' of study 'a' must be a single value or a list of values" },
        { "studies:\n  - name: a\n    kind: icl\n    dataset: d.jsonl\n    models: [m, m]\n", "5:17", "study 'a' names the model 'm' twice" },
        { "studies:\n  - name: a\n    kind: icl\n    dataset: d.jsonl\n", "2:5", "study 'a' has no models: add models: under the study or under defaults." },
        { "", "1:1", "the study file is empty" },
        { "- a\n- b\n", "1:1", "a study file is a mapping with defaults: and studies:, not a list." },
        { "studies: [{name: a, kind: icl, dataset: d.jsonl, models: [m]}]\n---\nmore: 1\n", "2:1", "a study file holds one YAML document" },
    };

    [Theory]
    [MemberData(nameof(Problems))]
    public void Reports_each_problem_with_its_line_and_column(string yaml, string lineColumn, string message)
    {
        var result = StudyFileLoader.Parse(yaml, "exp.yaml");

        var formatted = result.Problems.Select(p => p.Format()).ToArray();
        Assert.Contains(formatted, p => p.StartsWith($"exp.yaml:{lineColumn}: ", StringComparison.Ordinal) && p.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Collects_all_problems_in_one_pass()
    {
        var result = StudyFileLoader.Parse("""
            defaults:
              max_token: 3
            studies:
              - name: a
                kind: icl
                dataset: d.jsonl
                models: [m]
                seeds: x
              - name: b
                kind: icl
                dataset: d.jsonl
                models: [m]
                scoring: best
            """, "exp.yaml");

        Assert.Equal(["exp.yaml:2:3", "exp.yaml:8:12", "exp.yaml:13:14"], result.Problems.Select(p => p.Location.ToString()));
        Assert.NotNull(result.File);
        Assert.Equal(2, result.File!.Studies.Count); // binding went on past the problems
    }

    [Fact]
    public void A_missing_file_is_a_problem_not_an_exception()
    {
        var result = StudyFileLoader.Load("/nonexistent/experiments.yaml");

        var problem = Assert.Single(result.Problems);
        Assert.Contains("the study file not found: check the path (looked at /nonexistent/experiments.yaml)", problem.Message);
        Assert.Null(result.File);
    }

    [Fact]
    public void Quoted_scalars_stay_text_and_plain_ones_are_typed()
    {
        var result = StudyFileLoader.Parse("""
            studies:
              - name: a
                kind: icl
                dataset: d.jsonl
                models: [m]
                parameters: {q: "12", n: 12, f: 1.5, b: true, s: yes, nothing: ~}
            """, "exp.yaml");

        var p = result.File!.Studies[0].Definition.Parameters;
        Assert.Equal(("12", 12L, 1.5, true, "yes"), (p["q"], p["n"], p["f"], p["b"], p["s"]));
        Assert.Null(p["nothing"]);
    }

    [Fact]
    public void Anchors_and_aliases_share_model_lists()
    {
        var result = StudyFileLoader.Parse("""
            defaults:
              models: &pair [TinyStories-656K, TinyStories-656K-chat]
            studies:
              - {name: a, kind: icl, dataset: d.jsonl, models: *pair}
            """, "exp.yaml");

        Assert.Empty(result.Problems);
        Assert.Equal(["TinyStories-656K", "TinyStories-656K-chat"], result.File!.Studies[0].Models.Select(m => m.DisplayName));
    }

    [Theory]
    [InlineData("loglik", ScoringMethod.LogLikelihood)]
    [InlineData("loglikelihood", ScoringMethod.LogLikelihood)]
    [InlineData("generate", ScoringMethod.Generation)]
    [InlineData("generation", ScoringMethod.Generation)]
    public void Scoring_accepts_the_short_and_long_names(string written, ScoringMethod expected)
    {
        var result = StudyFileLoader.Parse($"studies: [{{name: a, kind: icl, dataset: d.jsonl, models: [m], scoring: {written}}}]", "exp.yaml");

        Assert.Empty(result.Problems);
        Assert.Equal(expected, result.File!.Studies[0].Definition.Scoring);
    }

    [Fact]
    public void Sampling_defaults_are_greedy()
    {
        var result = StudyFileLoader.Parse("studies: [{name: a, kind: icl, dataset: d.jsonl, models: [m]}]", "exp.yaml");

        Assert.Equal(SamplingSettings.Greedy, result.File!.Studies[0].Definition.Sampling);
        Assert.Equal([0], result.File.Studies[0].Definition.Seeds);
    }
}
