using Studies.Experiments.Config;
using Studies.Experiments.Datasets;
using Studies.Experiments.Engine;
using Studies.Experiments.Kinds;

namespace Studies.Experiments.Tests;

/// <summary>Dataset loading: formats, field mapping, label mapping, the demo/eval split, and bad rows with file:line.</summary>
public sealed class DatasetTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Reads_jsonl_with_a_field_mapping_and_label_map()
    {
        _dir.File("d.jsonl", """
            {"idx": 7, "sentence": "a fine film", "label": 1, "why": "fine is good"}

            {"idx": 8, "sentence": "a dull film", "label": 0, "why": "dull is bad"}
            {"idx": 9, "sentence": "a sad film", "label": 0}
            """);
        var (data, problems) = Load("""
            dataset:
              file: d.jsonl
              fields: {id: idx, input: sentence, explanation: why}
              label_map: {0: negative, 1: positive}
              shuffle: false
            demos: 1
            """);

        Assert.Empty(problems);
        Assert.Equal(["negative", "positive"], data!.Labels);
        var demo = Assert.Single(data.Demos);
        Assert.Equal(("7", "a fine film", "positive", "fine is good"), (demo.Id, demo.Input, demo.Label, demo.Explanation));
        Assert.Equal(["8", "9"], data.Items.Select(i => i.Id));
        Assert.Null(data.Items[1].Explanation);
        Assert.Equal(4, data.LocationOf(data.Items[1]).Line);
        Assert.Equal("d.jsonl", Path.GetFileName(data.LocationOf(data.Items[0]).File));
        Assert.Equal(3, data.LocationOf(data.Items[0]).Line);
    }

    [Fact]
    public void Reads_rfc4180_csv_with_quotes_newlines_and_a_bom()
    {
        _dir.File("d.csv", "\uFEFFid,text,label\r\n1,\"Hello, \"\"world\"\"\",a\r\n2,\"two\nlines\",b\r\n3,plain,a\r\n");
        var (data, problems) = Load("dataset: {file: d.csv, shuffle: false}\ndemos: 0");

        Assert.Empty(problems);
        Assert.Equal(["Hello, \"world\"", "two\nlines", "plain"], data!.Items.Select(i => i.Input));
        Assert.Equal([2, 3, 5], data.Items.Select(i => data.LocationOf(i).Line)); // the line each record starts on
        Assert.Equal(["a", "b"], data.Labels);
    }

    [Fact]
    public void A_bad_csv_row_names_the_file_and_line()
    {
        _dir.File("d.csv", "id,text,label\n1,fine,a\n2,too,many,fields\n3,\"text\"x,a\n4,\"never closed,a\n");
        var (data, problems) = Load("dataset: d.csv");

        Assert.Null(data);
        var messages = problems.Select(p => p.Format()).ToArray();
        Assert.Contains(messages, m => m.StartsWith("d.csv:3:1: this row has 4 fields but the header has 3", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("d.csv:4:1: text follows a closing quote", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("d.csv:5:1: a quoted field opened on line 5 is never closed", StringComparison.Ordinal));
    }

    [Fact]
    public void A_bad_jsonl_row_names_the_file_and_line()
    {
        _dir.File("d.jsonl", "{\"input\": \"ok\"}\n{\"input\": \"broken\"\n[1, 2]\n{\"input\": \"\"}\n");
        var (_, problems) = Load("dataset: d.jsonl");

        var messages = problems.Select(p => p.Format()).ToArray();
        Assert.Contains(messages, m => m.StartsWith("d.jsonl:2:", StringComparison.Ordinal) && m.Contains("not valid JSON"));
        Assert.Contains(messages, m => m.StartsWith("d.jsonl:3:1: each line must be a JSON object", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("d.jsonl:4:1: row 2: the input (field 'input') is empty or missing", StringComparison.Ordinal));
    }

    [Fact]
    public void A_mapped_field_that_does_not_exist_lists_the_available_fields()
    {
        _dir.File("d.jsonl", "{\"premise\": \"p\", \"hypothesis\": \"h\", \"label\": \"entailment\"}\n");
        var (_, problems) = Load("dataset:\n  file: d.jsonl\n  fields: {input: premis}\n");

        var problem = Assert.Single(problems);
        Assert.Equal("exp.yaml:4:23: the field 'premis' (mapped to input) is not in the data. Did you mean 'premise'? Available fields: premise, hypothesis, label.", problem.Format());
    }

    [Fact]
    public void Templates_combine_fields_and_option_text_answers_become_letters()
    {
        _dir.File("d.jsonl", """
            {"q": "Where do fish live?", "a": "water", "o1": "tree", "o2": "water", "o3": "sky", "p": "It is wet", "h": "dry"}
            """);
        var (data, problems) = Load("""
            dataset:
              file: d.jsonl
              fields: {input: "{q} Hint: {p}", answer: a, choices: [o1, o2, o3], context: h}
            demos: 0
            """);

        Assert.Empty(problems);
        var item = Assert.Single(data!.Items);
        Assert.Equal("Where do fish live? Hint: It is wet", item.Input);
        Assert.Equal(["tree", "water", "sky"], item.Choices);
        Assert.Equal("B", item.Answer);
        Assert.Equal("dry", item.Context);
        Assert.Equal("row-1", item.Id);
    }

    [Fact]
    public void Unmapped_labels_and_duplicate_ids_are_row_problems()
    {
        _dir.File("d.jsonl", "{\"id\": \"a\", \"text\": \"x\", \"label\": \"0\"}\n{\"id\": \"a\", \"text\": \"y\", \"label\": \"1\"}\n{\"id\": \"b\", \"text\": \"z\", \"label\": \"2\"}\n");
        var (_, problems) = Load("dataset: {file: d.jsonl, label_map: {0: no, 1: yes}}");

        var messages = problems.Select(p => p.Format()).ToArray();
        Assert.Contains("d.jsonl:2:1: row 2: the id 'a' was already used on line 1: ids must be unique (map another id field, or drop fields.id to number rows).", messages);
        Assert.Contains("d.jsonl:3:1: row 3: the label '2' has no entry in label_map (0, 1): add it there or fix the row.", messages);
    }

    [Fact]
    public void Declared_labels_are_checked_against_the_data()
    {
        _dir.File("d.jsonl", "{\"text\": \"x\", \"label\": \"happy\"}\n{\"text\": \"y\", \"label\": \"glad\"}\n{\"text\": \"z\", \"label\": \"sad\"}\n");
        var (_, problems) = Load("dataset: d.jsonl\nlabels: [happy, sad]\ndemos: 0");

        var problem = Assert.Single(problems);
        Assert.Equal("d.jsonl:2:1: item 'row-2' of study 's' has the label 'glad', which is not one of the study's labels (happy, sad): add it to labels:, map it with label_map:, or fix the data.", problem.Format());
    }

    [Fact]
    public void A_missing_dataset_file_says_where_it_looked()
    {
        var (_, problems) = Load("dataset: nowhere/d.jsonl");

        var problem = Assert.Single(problems);
        Assert.Equal($"exp.yaml:2:14: dataset file 'nowhere/d.jsonl' of study 's' not found (looked at {_dir.Combine("nowhere", "d.jsonl")}): paths are relative to the study file's folder.", problem.Format());
    }

    [Fact]
    public void An_unknown_extension_asks_for_a_format()
    {
        _dir.File("d.txt", "1 good\n");
        var (_, problems) = Load("dataset: d.txt");

        Assert.Equal("exp.yaml:2:14: cannot tell the format of 'd.txt' from its extension: add format: one of jsonl, csv, json, sst2, trec, gsm8k to the dataset of study 's'.", Assert.Single(problems).Format());
    }

    [Fact]
    public void The_split_is_a_seeded_shuffle_and_limit_takes_its_first_items()
    {
        _dir.File("d.jsonl", string.Join('\n', Enumerable.Range(1, 40).Select(i => $"{{\"id\": \"{i}\", \"text\": \"item {i}\"}}")));
        var (a, _) = Load("dataset: {file: d.jsonl, seed: 4}\ndemos: 10\nlimit: 5");
        var (b, _) = Load("dataset: {file: d.jsonl, seed: 4}\ndemos: 10\nlimit: 5");
        var (c, _) = Load("dataset: {file: d.jsonl, seed: 5}\ndemos: 10\nlimit: 5");
        var (all, _) = Load("dataset: {file: d.jsonl, seed: 4}\ndemos: 10");

        Assert.Equal(a!.Items.Select(i => i.Id), b!.Items.Select(i => i.Id));
        Assert.Equal(a.Demos.Select(i => i.Id), b.Demos.Select(i => i.Id));
        Assert.NotEqual(a.Items.Select(i => i.Id), c!.Items.Select(i => i.Id));
        Assert.Equal(5, a.Items.Count);
        Assert.Equal(10, a.Demos.Count);
        Assert.Equal(30, all!.Items.Count);
        Assert.Equal(all.Items.Take(5).Select(i => i.Id), a.Items.Select(i => i.Id));
        Assert.Empty(a.Demos.Select(d => d.Id).Intersect(all.Items.Select(i => i.Id)));
        Assert.Equal(40, all.Items.Concat(all.Demos).Select(i => i.Id).Distinct().Count());
    }

    [Fact]
    public void A_demos_file_leaves_the_dataset_whole()
    {
        _dir.File("eval.jsonl", string.Join('\n', Enumerable.Range(1, 6).Select(i => $"{{\"id\": \"e{i}\", \"text\": \"eval {i}\"}}")));
        _dir.File("train.jsonl", string.Join('\n', Enumerable.Range(1, 9).Select(i => $"{{\"id\": \"t{i}\", \"text\": \"train {i}\"}}")));
        var (data, problems) = Load("dataset: eval.jsonl\ndemos: {file: train.jsonl, size: 4}");

        Assert.Empty(problems);
        Assert.Equal(6, data!.Items.Count);
        Assert.Equal(4, data.Demos.Count);
        Assert.All(data.Demos, d => Assert.StartsWith("t", d.Id));
    }

    [Fact]
    public void A_demo_pool_as_large_as_the_file_is_refused()
    {
        _dir.File("d.jsonl", "{\"text\": \"a\"}\n{\"text\": \"b\"}\n");
        var (_, problems) = Load("dataset: d.jsonl\ndemos: 2");

        Assert.Equal("exp.yaml:3:12: the demonstration pool of study 's' (2 rows) would take all 2 rows of d.jsonl, leaving none to evaluate: lower demos:, or give demos: {file: ...}.", Assert.Single(problems).Format());
    }

    [Fact]
    public void Reads_the_shared_sst2_trec_and_gsm8k_formats()
    {
        string data = Path.GetFullPath(Path.Combine(TestPaths.RepositoryRoot, "..", "shared", "data"));
        if (!Directory.Exists(data))
        {
            Assert.Fail($"The shared datasets are missing at {data} (see DESIGN.md).");
        }

        var (sst2, p1) = Load($"dataset: {{file: {data}/sst2/stsa.binary.dev, format: sst2, label_map: {{0: negative, 1: positive}}}}\ndemos: 0");
        Assert.Empty(p1);
        Assert.Equal(872, sst2!.Items.Count);
        Assert.Equal(["negative", "positive"], sst2.Labels);

        var (trec, p2) = Load($"dataset: {{file: {data}/trec/test.txt, format: trec}}\ndemos: 0");
        Assert.Empty(p2);
        Assert.Equal(500, trec!.Items.Count);
        Assert.Equal(["ABBR", "DESC", "ENTY", "HUM", "LOC", "NUM"], trec.Labels);
        Assert.DoesNotContain(trec.Items, i => i.Input.Contains(':'));

        var (gsm, p3) = Load($"dataset: {{file: {data}/gsm8k/test.jsonl, format: gsm8k, shuffle: false}}\ndemos: 0\nlimit: 1");
        Assert.Empty(p3);
        var first = Assert.Single(gsm!.Items);
        Assert.Equal("18", first.Answer);
        Assert.StartsWith("Janet sells 16 - 3 - 4 = 9 duck eggs a day.", first.Explanation);
    }

    [Fact]
    public void Reads_a_bom_csv_like_truthfulqa()
    {
        string file = Path.GetFullPath(Path.Combine(TestPaths.RepositoryRoot, "..", "shared", "data", "truthfulqa", "TruthfulQA_v1_817.csv"));
        var (data, problems) = Load($"dataset: {{file: {file}, fields: {{input: Question, answer: Best Answer}}}}\ndemos: 0");

        Assert.Empty(problems);
        Assert.Equal(817, data!.Items.Count);
    }

    private (LoadedDataset? Data, List<StudyProblem> Problems) Load(string datasetYaml)
    {
        // The snippet comes first: its line L, column C is line L+1, column C+4 of the file.
        string studyYaml = datasetYaml.TrimEnd('\n') + "\nname: s\nkind: icl\nmodels: [m]\n";
        string indented = string.Join('\n', studyYaml.Split('\n').Select((l, i) => (i == 0 ? "  - " : "    ") + l));
        string path = _dir.File("exp.yaml", "studies:\n" + indented);
        var loaded = StudyFileLoader.Load(path);
        Assert.Empty(loaded.Problems);
        var problems = new List<StudyProblem>();
        var data = DatasetLoader.Load(loaded.File!.Studies[0], loaded.File.Studies[0].Limit, problems);
        return (data, problems.Select(p => p with { Location = p.Location with { File = Relative(p.Location.File) } }).ToList());

        string Relative(string file) =>
            file.Length > 0 && Path.GetFullPath(file) is var full && full.StartsWith(_dir.Path, StringComparison.Ordinal) ? Path.GetRelativePath(_dir.Path, full) : file;
    }
}
