using System.Text;

namespace Studies.Experiments.Datasets;

/// <summary>
/// The plain-text formats of two shared benchmarks (Zhao et al. 2021's copies): SST-2 lines "label sentence" (fields
/// label, sentence) and TREC lines "COARSE:fine question" (fields label = the coarse class, fine, question).
/// </summary>
internal static class LineFormatReader
{
    public static List<DatasetRow> ReadSst2(string path, RowProblems problems) => Read(path, problems, (line, n) =>
    {
        int space = line.IndexOf(' ');
        if (space <= 0)
        {
            return (null, "an SST-2 line is \"<label> <sentence>\" (e.g. \"1 a gorgeous film .\").");
        }

        return (new() { ["label"] = line[..space], ["sentence"] = line[(space + 1)..].Trim() }, null);
    });

    public static List<DatasetRow> ReadTrec(string path, RowProblems problems) => Read(path, problems, (line, n) =>
    {
        int space = line.IndexOf(' ');
        int colon = line.IndexOf(':');
        if (space <= 0 || colon <= 0 || colon > space)
        {
            return (null, "a TREC line is \"COARSE:fine question\" (e.g. \"NUM:dist How far is it ?\").");
        }

        return (new() { ["label"] = line[..colon], ["fine"] = line[(colon + 1)..space], ["question"] = line[(space + 1)..].Trim() }, null);
    });

    private static List<DatasetRow> Read(string path, RowProblems problems, Func<string, int, (Dictionary<string, object?>? Fields, string? Error)> parse)
    {
        var rows = new List<DatasetRow>();
        int lineNumber = 0;
        foreach (string raw in File.ReadLines(path, Encoding.UTF8))
        {
            lineNumber++;
            string line = lineNumber == 1 ? raw.TrimStart('\uFEFF') : raw;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var (fields, error) = parse(line, lineNumber);
            if (fields is null)
            {
                problems.Add(lineNumber, error!);
                continue;
            }

            rows.Add(new DatasetRow(lineNumber, rows.Count + 1, fields));
        }

        return rows;
    }
}
