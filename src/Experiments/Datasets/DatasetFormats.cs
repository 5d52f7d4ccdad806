namespace Studies.Experiments.Datasets;

/// <summary>The file formats a dataset can be read from, and the guess from a file's extension.</summary>
public static class DatasetFormats
{
    public static IReadOnlyList<string> Names { get; } = ["jsonl", "csv", "json", "sst2", "trec", "gsm8k"];

    public static string? FromExtension(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".jsonl" or ".ndjson" => "jsonl",
        ".csv" => "csv",
        ".json" => "json",
        _ => null,
    };

    internal static List<DatasetRow> Read(string format, string path, RowProblems problems) => format switch
    {
        "jsonl" => JsonlRowReader.Read(path, problems),
        "csv" => CsvRowReader.Read(path, problems),
        "json" => JsonArrayRowReader.Read(path, problems),
        "sst2" => LineFormatReader.ReadSst2(path, problems),
        "trec" => LineFormatReader.ReadTrec(path, problems),
        "gsm8k" => Gsm8kTransform.Apply(JsonlRowReader.Read(path, problems), problems),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "unknown dataset format"),
    };
}
