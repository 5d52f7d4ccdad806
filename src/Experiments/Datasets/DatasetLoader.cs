using System.Security.Cryptography;
using Studies.Experiments.Config;
using Studies.Experiments.Kinds;
using Studies.Experiments.Model;

namespace Studies.Experiments.Datasets;

/// <summary>
/// Loads a study's items. Files: rows are read in the declared (or extension-implied) format, mapped to items, then
/// shuffled with the dataset seed (unless <c>shuffle: false</c>); the demonstration pool is the first
/// <c>demos</c> rows of that order (32 by default, at most half the file) and evaluation items are the rest, in that
/// order, so <c>limit</c> takes a seeded random sample. A separate <c>demos.file</c> is read the same way and leaves the
/// dataset whole. Every problem (missing file, unknown field, bad row with file:line) is collected.
/// </summary>
public static class DatasetLoader
{
    private const int DefaultDemos = 32;

    /// <param name="limit">At most this many evaluation items (after the shuffle); null = all.</param>
    public static LoadedDataset? Load(StudySpec study, int? limit, ICollection<StudyProblem> problems)
    {
        string where = $"study '{study.Name}'";
        var spec = study.Dataset;
        var loaded = spec.IsSynthetic
            ? SyntheticDatasets.Generate(spec, study.Demos, where, problems)
            : LoadFile(spec, study.Demos, where, problems);
        if (loaded is null)
        {
            return null;
        }

        var labels = ResolveLabels(study, loaded, problems);
        if (labels is null)
        {
            return null;
        }

        var items = limit is { } n && n < loaded.Items.Count ? loaded.Items.Take(n).ToArray() : loaded.Items;
        return loaded with { Items = items, Labels = labels };
    }

    private static LoadedDataset? LoadFile(DatasetSpec spec, DemoSpec demos, string where, ICollection<StudyProblem> problems)
    {
        int before = problems.Count;
        string? format = spec.Format ?? DatasetFormats.FromExtension(spec.FullPath!);
        if (format is null || !DatasetFormats.Names.Contains(format))
        {
            string hint = format is null ? $"cannot tell the format of '{spec.File}' from its extension" : $"unknown dataset format '{format}'.{Suggestions.DidYouMean(format, DatasetFormats.Names)}";
            problems.Add(new StudyProblem(format is null ? spec.FileLocation : spec.Location,
                $"{hint}: add format: one of {string.Join(", ", DatasetFormats.Names)} to the dataset of {where}."));
            return null;
        }

        var rows = ReadItems(spec.FullPath!, spec.File!, spec.FileLocation, format, spec, where, "dataset", problems);
        if (rows is null)
        {
            return null;
        }

        List<(StudyItem Item, SourceLocation At)> evalRows = rows;
        List<(StudyItem Item, SourceLocation At)> demoRows;
        string hash = Hash(spec.FullPath!);
        if (demos.File is not null)
        {
            var pool = ReadItems(demos.FullPath!, demos.File, demos.FileLocation, DatasetFormats.FromExtension(demos.FullPath!) ?? format, spec, where, "demos file", problems);
            if (pool is null)
            {
                return null;
            }

            Order(pool, spec, "demos");
            Order(evalRows, spec, "split");
            demoRows = demos.Size is { } size ? pool.Take(size).ToList() : pool;
            hash = Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(hash + Hash(demos.FullPath!))));
        }
        else
        {
            int size = demos.Size ?? Math.Min(DefaultDemos, rows.Count / 2);
            if (size >= rows.Count)
            {
                problems.Add(new StudyProblem(demos.Location,
                    $"the demonstration pool of {where} ({size} rows) would take all {rows.Count} rows of {spec.File}, leaving none to evaluate: lower demos:, or give demos: {{file: ...}}."));
                return null;
            }

            Order(rows, spec, "split");
            demoRows = rows.Take(size).ToList();
            evalRows = rows.Skip(size).ToList();
        }

        if (problems.Count > before)
        {
            return null;
        }

        var all = evalRows.Concat(demoRows).ToList();
        return new LoadedDataset
        {
            Items = evalRows.Select(r => r.Item).ToArray(),
            Demos = demoRows.Select(r => r.Item).ToArray(),
            Labels = [],
            ContentHash = hash,
            AvailableItems = evalRows.Count,
            Origins = all.ToDictionary<(StudyItem Item, SourceLocation At), StudyItem, SourceLocation>(r => r.Item, r => r.At, ReferenceEqualityComparer.Instance),
        };
    }

    private static void Order(List<(StudyItem, SourceLocation)> rows, DatasetSpec spec, string stream)
    {
        if (spec.Shuffle)
        {
            new StableRandom(spec.Seed, stream).Shuffle(rows);
        }
    }

    private static List<(StudyItem Item, SourceLocation At)>? ReadItems(string fullPath, string written, SourceLocation writtenAt, string format,
        DatasetSpec spec, string where, string what, ICollection<StudyProblem> problems)
    {
        if (!File.Exists(fullPath))
        {
            problems.Add(new StudyProblem(writtenAt,
                $"{what} file '{written}' of {where} not found (looked at {fullPath}): paths are relative to the study file's folder."));
            return null;
        }

        string display = Display(fullPath);
        var rowProblems = new RowProblems(display, problems);
        List<DatasetRow> rows;
        try
        {
            rows = DatasetFormats.Read(format, fullPath, rowProblems);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.DecoderFallbackException)
        {
            problems.Add(new StudyProblem(writtenAt, $"{what} file '{written}' of {where} cannot be read: {e.Message}"));
            return null;
        }

        if (rows.Count == 0)
        {
            rowProblems.Complete();
            if (rowProblems.Count == 0)
            {
                problems.Add(new StudyProblem(writtenAt, $"{what} file '{written}' of {where} has no rows."));
            }

            return null;
        }

        var available = rows.SelectMany(r => r.Fields.Keys).Distinct(StringComparer.Ordinal).ToArray();
        if (ItemMapper.Prepare(spec, available, where, problems) is not { } mapper)
        {
            return null;
        }

        var items = new List<(StudyItem, SourceLocation)>(rows.Count);
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (mapper.Map(row, rowProblems) is not { } item)
            {
                continue;
            }

            if (!ids.TryAdd(item.Id, row.Line))
            {
                rowProblems.Add(row.Line, $"row {row.Number}: the id '{item.Id}' was already used on line {ids[item.Id]}: ids must be unique (map another id field, or drop fields.id to number rows).");
                continue;
            }

            items.Add((item, new SourceLocation(display, row.Line, row.Line > 0 ? 1 : 0)));
        }

        rowProblems.Complete();
        return items;
    }

    /// <summary>Declared labels are checked against the data; otherwise they are the label_map's values or the sorted distinct labels.</summary>
    private static IReadOnlyList<string>? ResolveLabels(StudySpec study, LoadedDataset data, ICollection<StudyProblem> problems)
    {
        var labelled = data.Items.Concat(data.Demos).Where(i => i.Label is not null).ToArray();
        var declared = study.Definition.Labels;
        if (declared.Count == 0)
        {
            if (data.Labels.Count > 0)
            {
                return data.Labels;
            }

            return study.Dataset.LabelMap.Count > 0
                ? study.Dataset.LabelMap.Select(p => p.Value).Distinct().ToArray()
                : labelled.Select(i => i.Label!).Distinct().Order(StringComparer.Ordinal).ToArray();
        }

        var problemsFound = new RowProblems(study.LabelsLocation.File, problems);
        foreach (var item in labelled.Where(i => !declared.Contains(i.Label!)))
        {
            problemsFound.Add(data.LocationOf(item),
                $"item '{item.Id}' of study '{study.Name}' has the label '{item.Label}', which is not one of the study's labels ({string.Join(", ", declared)}): add it to labels:, map it with label_map:, or fix the data.");
        }

        problemsFound.Complete();
        return problemsFound.Count == 0 ? declared : null;
    }

    private static string Hash(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private static string Display(string fullPath)
    {
        string relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), fullPath);
        return relative.StartsWith("../../..", StringComparison.Ordinal) ? fullPath : relative;
    }
}
