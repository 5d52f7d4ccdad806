using System.Text;
using System.Text.Json;

namespace Studies.Experiments.Datasets;

/// <summary>JSON Lines: one object per line; blank lines are skipped; a line that is not an object is a row problem.</summary>
internal static class JsonlRowReader
{
    public static List<DatasetRow> Read(string path, RowProblems problems)
    {
        var rows = new List<DatasetRow>();
        int lineNumber = 0;
        foreach (string line in File.ReadLines(path, Encoding.UTF8))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                using var doc = JsonDocument.Parse(lineNumber == 1 ? line.TrimStart('\uFEFF') : line);
                if (doc.RootElement.ValueKind != JsonValueKind.Object)
                {
                    problems.Add(lineNumber, $"each line must be a JSON object ({{\"input\": ...}}), not a JSON {doc.RootElement.ValueKind.ToString().ToLowerInvariant()}.");
                    continue;
                }

                rows.Add(new DatasetRow(lineNumber, rows.Count + 1, JsonFields.From(doc.RootElement)));
            }
            catch (JsonException e)
            {
                problems.Add(new Model.SourceLocation(problems.File, lineNumber, (int)(e.BytePositionInLine ?? 0) + 1),
                    $"not valid JSON: {e.Message.Split(" Path:")[0].Split(" LineNumber:")[0]} Fix or remove this line.");
            }
        }

        return rows;
    }
}
