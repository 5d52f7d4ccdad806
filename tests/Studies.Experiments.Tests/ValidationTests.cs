using Studies.Backends;
using Studies.Experiments.Engine;
using Studies.Experiments.Kinds;
using Studies.Experiments.Tests.Fakes;
using Studies.Experiments.Validation;

namespace Studies.Experiments.Tests;

/// <summary>Both validation phases: kinds, conditions, datasets, models, capabilities and vocabulary, all in one pass.</summary>
public sealed class ValidationTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public ValidationTests()
    {
        _dir.File("d.jsonl", "{\"id\": \"a\", \"text\": \"Tom was happy.\", \"label\": \"happy\"}\n{\"id\": \"b\", \"text\": \"A caf\u00e9 #1 was sad.\", \"label\": \"sad\"}\n{\"id\": \"c\", \"text\": \"Sue was sad.\", \"label\": \"sad\"}\n");
    }

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Unknown_kind_and_condition_types_suggest_the_closest_name()
    {
        var problems = await Validate("""
            studies:
              - name: s
                kind: fak
                dataset: d.jsonl
                models: [{name: tiny, backend: fake}]
              - name: t
                kind: fake
                dataset: d.jsonl
                models: [{name: tiny, backend: fake}]
                conditions: [{type: prefixd, prefix: "x "}, {type: plain}]
            """);

        Assert.Equal([
            "exp.yaml:3:11: unknown study kind 'fak'. Did you mean 'fake'? Known kinds: icl, cot, explanations, uncertainty, fake.",
            "exp.yaml:10:18: unknown condition type 'prefixd' for kind 'fake'. Did you mean 'prefixed'? Known types: plain, prefixed.",
        ], problems);
    }

    [Fact]
    public async Task The_kinds_own_checks_are_reported_at_the_condition()
    {
        var problems = await Validate("""
            studies:
              - name: s
                kind: fake
                dataset: d.jsonl
                models: [{name: tiny, backend: fake}]
                conditions:
                  - {type: prefixed, prefix: 3}
            """);

        Assert.Equal(["exp.yaml:7:9: condition 'prefixed' needs prefix: (text)."], problems);
    }

    [Fact]
    public async Task A_model_that_cannot_be_found_says_where_it_looked()
    {
        // The search path includes ../shared/models next to the study file's folder.
        Directory.CreateDirectory(_dir.Combine("shared"));
        Directory.CreateSymbolicLink(_dir.Combine("shared", "models"), TestPaths.ModelsDirectory);
        File.Copy(_dir.Combine("d.jsonl"), _dir.File("proj/d.jsonl", ""), overwrite: true);
        var problems = await Validate(file: "proj/exp.yaml", yaml: """
            studies:
              - name: s
                kind: fake
                dataset: d.jsonl
                models: [TinyStories-65K, {path: nowhere.gguf}, {name: x, backend: remot}]
            """);

        Assert.Equal(3, problems.Length);
        Assert.True(problems[0].StartsWith("proj/exp.yaml:5:14: model 'TinyStories-65K' not found. Did you mean 'TinyStories-656K'? Looked in ", StringComparison.Ordinal), problems[0]);
        Assert.Contains("Looked in proj/models, shared/models, ", problems[0]);
        Assert.Contains("(set STUDIES_MODELS to add folders, or give path: to the .gguf file).", problems[0]);
        Assert.Equal("proj/exp.yaml:5:31: model file 'proj/nowhere.gguf' not found: check path: (it is relative to the study file's folder).", problems[1]);
        Assert.Equal("proj/exp.yaml:5:53: no backend 'remot' is available. Available: fake, local.", problems[2]);
    }

    [Fact]
    public async Task Missing_capabilities_and_chat_templates_need_the_loaded_model()
    {
        var kind = new FakeStudyKind { Required = [new RequiredCapability("prompt scoring", c => c.PromptScoring, "use scoring: generate, or a backend that scores prompts.")] };
        var provider = new FakeModelProvider(n => new FakeLanguageModel(n, new BackendCapabilities { RawCompletion = true, Chat = false }), "plain");
        var problems = await Validate("""
            studies:
              - name: s
                kind: fake
                dataset: d.jsonl
                models: [{name: plain, backend: fake, role: assistant}]
            """, provider, kind);

        Assert.Equal([
            "exp.yaml:5:14: model 'plain' is used as an assistant (role: assistant) but has no chat template: add chat_template: chatml (or the template it was tuned with) to its entry, or use role: base.",
            "exp.yaml:3:11: study 's' (kind fake) needs prompt scoring, which model 'plain' (backend fake) lacks: use scoring: generate, or a backend that scores prompts.",
        ], problems);
    }

    [Fact]
    public async Task Text_the_real_vocabulary_cannot_encode_names_the_item_file_line_and_characters()
    {
        TestPaths.Model(TestPaths.TinyStories656K);
        var problems = await Validate($$"""
            studies:
              - name: s
                kind: fake
                dataset: {file: d.jsonl, shuffle: false}
                demos: 0
                models: [{path: {{TestPaths.Model(TestPaths.TinyStories656K)}}}, {path: {{TestPaths.Model(TestPaths.Stories260K)}}}]
            """);

        // stories260K has byte fallback: only TinyStories-656K is reported.
        Assert.Equal([
            "d.jsonl:2:1: item 'b' (input) of study 's': model 'TinyStories-656K' cannot encode '\u00e9' (U+00E9), '#' (U+0023): remove or replace these characters in the data, drop the item, or use a model whose vocabulary has byte fallback.",
        ], problems);
    }

    [Fact]
    public async Task All_problems_of_all_studies_come_in_one_pass()
    {
        var problems = await Validate("""
            defaults:
              models: [{name: tiny, backend: fake}]
            studies:
              - name: a
                kind: survey
                dataset: missing.jsonl
              - name: b
                kind: fake
                dataset: {file: d.jsonl, fields: {input: txt}}
              - name: c
                kind: fake
                dataset: {synthetic: sentiment, size: 5}
                conditions: [{type: prefixed, prefix: "\u00a7 "}]
                max_tokens: many
            """);

        Assert.Equal(5, problems.Length);
        Assert.Contains("exp.yaml:14:17: 'max_tokens' in study 'c' must be a whole number, not the text \"many\": write e.g. max_tokens: 48", problems);
        Assert.Contains("exp.yaml:5:11: unknown study kind 'survey'. Known kinds: icl, cot, explanations, uncertainty, fake.", problems);
        Assert.Contains(problems, p => p.StartsWith("exp.yaml:6:14: dataset file 'missing.jsonl' of study 'a' not found", StringComparison.Ordinal));
        Assert.Contains("exp.yaml:9:46: the field 'txt' (mapped to input) is not in the data. Did you mean 'text'? Available fields: id, text, label.", problems);
        Assert.Contains(problems, p => p.StartsWith("exp.yaml:13:18: parameter 'prefix' of condition 'prefixed' of study 'c': model 'tiny' cannot encode '\u00a7' (U+00A7)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Studies_named_on_the_command_line_must_exist()
    {
        var problems = await Validate("""
            studies:
              - {name: sentiment, kind: fake, dataset: d.jsonl, models: [{name: tiny, backend: fake}]}
            """, selection: new StudySelection { Studies = ["sentimnt"] });

        Assert.Equal(["exp.yaml: no study named 'sentimnt' in exp.yaml. Did you mean 'sentiment'? Studies: sentiment."], problems);
    }

    [Fact]
    public async Task One_model_name_must_mean_one_model()
    {
        var problems = await Validate("""
            studies:
              - {name: a, kind: fake, dataset: d.jsonl, models: [{name: tiny, backend: fake}]}
              - {name: b, kind: fake, dataset: d.jsonl, models: [{name: tiny, backend: fake, chat_template: chatml}]}
            """);

        Assert.Equal(["exp.yaml:3:54: the model name 'tiny' has different settings here than at line 2: give one an alias: so results can tell them apart."], problems);
    }

    [Fact]
    public async Task A_valid_file_reports_its_trials()
    {
        using var engine = Engine();
        string path = _dir.File("exp.yaml", """
            studies:
              - {name: s, kind: fake, dataset: {synthetic: color, size: 10}, models: [{name: tiny, backend: fake}], seeds: [0, 1]}
            """);

        var report = await engine.Engine.ValidateAsync(path, StudySelection.All, loadModels: true, CancellationToken.None);

        Assert.True(report.IsValid, string.Join("\n", report.Problems.Select(p => p.Format())));
        Assert.Equal([new("s", 20)], report.TrialsPerStudy);
        Assert.Equal(64, report.ConfigHash!.Length);
    }

    private TestEngine Engine(FakeModelProvider? provider = null, FakeStudyKind? kind = null) =>
        new(_dir.Combine("results"), provider ?? new FakeModelProvider(n => new FakeLanguageModel(n), "tiny", "plain"), kind);

    private async Task<string[]> Validate(string yaml, FakeModelProvider? provider = null, FakeStudyKind? kind = null, StudySelection? selection = null, string file = "exp.yaml")
    {
        string path = _dir.File(file, yaml);
        using var engine = Engine(provider, kind);
        string cwd = _dir.Path + Path.DirectorySeparatorChar;
        var report = await engine.Engine.ValidateAsync(path, selection ?? StudySelection.All, loadModels: true, CancellationToken.None);
        return report.Problems.Select(p => p.Format().Replace(cwd, "", StringComparison.Ordinal).Replace(Relative(cwd), "", StringComparison.Ordinal)).ToArray();
    }

    private static string Relative(string folder) => Path.GetRelativePath(Directory.GetCurrentDirectory(), folder) + Path.DirectorySeparatorChar;
}
