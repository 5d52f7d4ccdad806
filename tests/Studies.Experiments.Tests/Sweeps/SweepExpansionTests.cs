using Studies.Experiments.Config;
using Studies.Experiments.Engine;
using Studies.Experiments.Sweeps;

namespace Studies.Experiments.Tests.Sweeps;

/// <summary>Sweep files: grid expansion, stable point ids, where each axis lands in the study, and problems with file:line.</summary>
public sealed class SweepExpansionTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    private IReadOnlyList<SweepPoint> Expand(string sweepText)
    {
        _dir.File("base.yaml", SweepFiles.BaseStudy);

        // ./models beside the base study is on its model search path, as for `studies run`.
        if (!Directory.Exists(_dir.Combine("models")))
        {
            Directory.CreateSymbolicLink(_dir.Combine("models"), TestPaths.ModelsDirectory);
        }

        var (sweep, problems) = SweepFileReader.Parse(sweepText, _dir.Combine("sweep.yaml"));
        Assert.True(problems.Count == 0, string.Join("\n", problems.Select(p => p.Format())));
        var (points, expandProblems) = SweepExpander.Expand(sweep!);
        Assert.True(expandProblems.Count == 0, string.Join("\n", expandProblems.Select(p => p.Format())));
        return points;
    }

    private IReadOnlyList<string> Problems(string sweepText)
    {
        _dir.File("base.yaml", SweepFiles.BaseStudy);
        var (sweep, problems) = SweepFileReader.Parse(sweepText, _dir.Combine("sweep.yaml"));
        return [.. problems.Select(p => p.Format()), .. sweep is null ? [] : SweepExpander.Expand(sweep).Problems.Select(p => p.Format())];
    }

    private StudySpec Study(SweepPoint point)
    {
        string path = _dir.File($"{point.Id}.yaml", point.StudyYaml);
        var loaded = StudyFileLoader.Load(path);
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Problems.Select(p => p.Format())) + "\n" + point.StudyYaml);
        return Assert.Single(loaded.File!.Studies);
    }

    [Fact]
    public void A_grid_is_the_product_of_its_axes_in_order()
    {
        var points = Expand(SweepFiles.Sweep("[sentiment, colors]", "[0, 1, 2]", "[0, 2]"));

        Assert.Equal(2 * 3 * 2, points.Count);
        Assert.Equal(12, points.Select(p => p.Id).Distinct().Count());
        Assert.Equal(["sentiment", "colors"], points.Select(p => p.Study).Distinct());
        Assert.Equal("seed=0 shots=0", points[0].Describe());
        Assert.Equal("seed=0 shots=2", points[1].Describe());
        Assert.Equal("seed=1 shots=0", points[2].Describe());
        Assert.All(points, p => Assert.Equal(["stories260K", "stories260K-chat"], p.Models));
        Assert.All(points, p => Assert.Equal("local", p.Lane));
        Assert.All(points, p => Assert.StartsWith(p.Study + "-", p.Id));
    }

    [Fact]
    public void Point_ids_are_stable_and_survive_a_growing_grid()
    {
        var before = Expand(SweepFiles.Sweep("[sentiment]", "[0, 1]", "[0, 2]")).Select(p => p.Id).ToList();
        var again = Expand(SweepFiles.Sweep("[sentiment]", "[0, 1]", "[0, 2]")).Select(p => p.Id).ToList();
        var grown = Expand(SweepFiles.Sweep("[sentiment, colors]", "[0, 1, 5]", "[0, 2, 4]")).Select(p => p.Id).ToList();

        Assert.Equal(before, again);
        Assert.Subset(grown.ToHashSet(), before.ToHashSet());
        Assert.Equal(2 * 3 * 3, grown.Count);
    }

    [Fact]
    public void Each_axis_lands_where_the_study_reads_it()
    {
        var point = Assert.Single(Expand("""
            study_file: base.yaml
            grid:
              studies: [sentiment]
              models: [[stories260K, stories260K-chat]]
              seeds: [7]
              shots: [4]
              temperature: [0.5]
              max_tokens: [12]
              dataset.size: [6]
            """));
        var study = Study(point);

        Assert.Equal([7], study.Definition.Seeds);
        Assert.Equal(4L, study.Definition.Parameters["shots"]);
        Assert.All(study.Definition.Conditions, c => Assert.False(c.Parameters.ContainsKey("shots"))); // the sweep's value wins
        Assert.Equal(0.5f, study.Definition.Sampling.Temperature);
        Assert.Equal(12, study.Definition.MaxTokens);
        Assert.Equal(6, study.Dataset.Size);

        // Models given by name are resolved on the search path and written as path + alias (results keep the name).
        Assert.Equal(["stories260K", "stories260K-chat"], study.Models.Select(m => m.DisplayName));
        Assert.All(study.Models, m => Assert.True(Path.IsPathRooted(m.Path) && File.Exists(m.Path), m.Path));
        Assert.Equal("seed=7 shots=4 temperature=0.5 max_tokens=12 dataset.size=6", point.Describe());
    }

    [Fact]
    public void A_name_the_study_uses_as_a_kind_parameter_stays_one()
    {
        var point = Assert.Single(Expand("""
            defaults: {models: [stories260K]}
            studies:
              - name: unc
                kind: uncertainty
                dataset: {synthetic: color, size: 4, seed: 1}
                conditions:
                  - {type: default, samples: 6, temperature: 1.0}
            grid:
              samples: [4]
              temperature: [0.7]
            """));
        var study = Study(point);

        Assert.Equal(4L, study.Definition.Parameters["samples"]);
        Assert.Equal(0.7, study.Definition.Parameters["temperature"]); // uncertainty's own temperature, not sampling's
        Assert.Equal(0f, study.Definition.Sampling.Temperature);
        Assert.Empty(Assert.Single(study.Definition.Conditions).Parameters);
    }

    [Fact]
    public void Without_a_grid_each_base_study_is_one_point_and_several_grids_unite()
    {
        Assert.Equal(["sentiment", "colors"], Expand("study_file: base.yaml").Select(p => p.Study));

        var points = Expand("""
            study_file: base.yaml
            grid:
              - {studies: [sentiment], seeds: [0, 1]}
              - {studies: [sentiment], seeds: [1, 2]}
            """);
        Assert.Equal(3, points.Count); // seed 1 is the same point in both grids
    }

    [Fact]
    public void Inline_studies_and_relative_paths_resolve_against_the_sweep_file()
    {
        _dir.File("data/items.jsonl", "{\"id\": \"a\", \"text\": \"Tom is happy.\", \"label\": \"happy\"}\n");
        var point = Assert.Single(Expand("""
            defaults: {models: [stories260K]}
            studies:
              - name: mine
                kind: icl
                dataset: {file: data/items.jsonl, fields: {input: text}}
            """));

        Assert.Contains($"file: {_dir.Combine("data", "items.jsonl")}", point.StudyYaml);
        Assert.Equal(["stories260K"], point.Models);
    }

    [Fact]
    public void Remote_models_get_a_lane_of_their_own()
    {
        var points = Expand("""
            study_file: base.yaml
            grid:
              studies: [sentiment]
              models:
                - [stories260K]
                - [{backend: remote, url: "http://127.0.0.1:9/v1", model: tiny}]
            """);

        Assert.Equal(["local", "remote:http://127.0.0.1:9/v1"], points.Select(p => p.Lane));
        Assert.Equal(["stories260K"], points[0].Models);
        Assert.Equal(["tiny"], points[1].Models);
    }

    [Fact]
    public void Problems_name_the_file_and_line()
    {
        Assert.Contains(Problems("""
            study_file: base.yaml
            grid:
              studies: [sentimnt]
            """), p => p.Contains("sweep.yaml:3:13") && p.Contains("no study 'sentimnt'") && p.Contains("Did you mean 'sentiment'?"));
        Assert.Contains(Problems("study_file: missing.yaml"), p => p.Contains("sweep.yaml:1:13") && p.Contains("cannot be read"));
        Assert.Contains(Problems("""
            study_file: base.yaml
            studies: []
            """), p => p.Contains("keep one of them"));
        Assert.Contains(Problems("""
            study_file: base.yaml
            grid: {shots: [], seeds: [a]}
            """), p => p.Contains("'shots' must be a value or a non-empty list"));
        Assert.Contains(Problems("""
            study_file: base.yaml
            grid: {seeds: [x]}
            """), p => p.Contains("a seed must be a whole number"));
        Assert.Contains(Problems("studies_file: base.yaml"), p => p.Contains("unknown key 'studies_file'") && p.Contains("did you mean 'study_file'?"));
    }

    [Fact]
    public void The_yaml_writer_keeps_types_and_text_as_written()
    {
        string yaml = """
            a: 1
            b: "1"
            c: -0.5
            d: "text: with colon"
            e: [x, "y, z", true, "true"]
            f:
              - {g: ~, h: 'it''s'}
              - []
            i: "line\nbreak"
            """;
        var problems = new List<Studies.Experiments.Kinds.StudyProblem>();
        var tree = Studies.Experiments.Yaml.YamlTreeReader.Read(yaml, "x.yaml", problems)!;
        string written = ConfigYamlWriter.Write(tree);
        var again = Studies.Experiments.Yaml.YamlTreeReader.Read(written, "y.yaml", problems)!;

        Assert.Empty(problems);
        Assert.Equal(written, ConfigYamlWriter.Write(again));
        var map = (Studies.Experiments.Yaml.ConfigMapping)again;
        Assert.Equal(1L, ((Studies.Experiments.Yaml.ConfigScalar)map.Find("a")!.Value).Value);
        Assert.Equal("1", ((Studies.Experiments.Yaml.ConfigScalar)map.Find("b")!.Value).Value);
        Assert.Equal(-0.5, ((Studies.Experiments.Yaml.ConfigScalar)map.Find("c")!.Value).Value);
        Assert.Equal("text: with colon", ((Studies.Experiments.Yaml.ConfigScalar)map.Find("d")!.Value).Value);
        Assert.Equal(["x", "y, z", "True", "true"], ((Studies.Experiments.Yaml.ConfigSequence)map.Find("e")!.Value).Items.Select(i => ((Studies.Experiments.Yaml.ConfigScalar)i).Value?.ToString()));
        Assert.Equal("line\nbreak", ((Studies.Experiments.Yaml.ConfigScalar)map.Find("i")!.Value).Value);
    }
}
