using Studies.Analysis.Diff;
using Studies.Experiments.Results;

namespace Studies.Analysis.Tests.Diff;

public sealed class RunResultsReaderTests : IDisposable
{
    private readonly string _root = DiffFixtures.TempRoot();

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Missing_folder_is_one_clear_error_and_writes_nothing()
    {
        string a = DiffFixtures.BaseRun(_root);
        string missing = Path.Combine(_root, "no-such-run");

        var e = await Assert.ThrowsAsync<DiffInputException>(() => DiffRunner.RunAsync(new DiffRequest { RunA = a, RunB = missing }));

        Assert.Equal($"results folder not found: {missing}", e.Message);
        Assert.DoesNotContain(Directory.GetDirectories(_root), d => Path.GetFileName(d).StartsWith("diff-", StringComparison.Ordinal));
    }

    [Fact]
    public void Folder_without_trials_is_not_a_results_folder()
    {
        string folder = Directory.CreateDirectory(Path.Combine(_root, "empty")).FullName;

        var e = Assert.Throws<DiffInputException>(() => RunResultsReader.Read(folder));

        Assert.Contains("has no trials.jsonl", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unreadable_manifest_names_the_file()
    {
        string run = DiffFixtures.BaseRun(_root);
        string manifest = Path.Combine(run, RunFolders.ManifestFile);
        File.WriteAllText(manifest, "{ \"config_name\": ");

        var e = Assert.Throws<DiffInputException>(() => RunResultsReader.Read(run));

        Assert.StartsWith($"cannot read {manifest}:", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Missing_manifest_is_reported()
    {
        string run = DiffFixtures.BaseRun(_root);
        File.Delete(Path.Combine(run, RunFolders.ManifestFile));

        var e = Assert.Throws<DiffInputException>(() => RunResultsReader.Read(run));

        Assert.Contains("has no manifest.json", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Damaged_middle_line_is_reported_with_its_line_number()
    {
        string run = DiffFixtures.BaseRun(_root);
        string trials = Path.Combine(run, TrialLog.FileName);
        var lines = File.ReadAllLines(trials);
        lines[3] = "not json";
        File.WriteAllText(trials, string.Join('\n', lines) + "\n");

        var e = Assert.Throws<DiffInputException>(() => RunResultsReader.Read(run));

        Assert.Contains($"{trials}:4:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_instead_of_a_folder_is_explained()
    {
        string run = DiffFixtures.BaseRun(_root);

        var e = Assert.Throws<DiffInputException>(() => RunResultsReader.Read(Path.Combine(run, TrialLog.FileName)));

        Assert.Contains("is a file", e.Message, StringComparison.Ordinal);
    }
}
