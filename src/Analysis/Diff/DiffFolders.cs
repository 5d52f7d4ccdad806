namespace Studies.Analysis.Diff;

/// <summary>Where a diff goes when no --out is given: diff-&lt;A&gt;-vs-&lt;B&gt; beside run B's folder (usually in results/).</summary>
public static class DiffFolders
{
    public static string Default(RunResults a, RunResults b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        string parent = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(b.Folder)) ?? Directory.GetCurrentDirectory();
        return Path.Combine(parent, $"diff-{a.Name}-vs-{b.Name}");
    }
}
