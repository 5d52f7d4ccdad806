using System.Text;
using System.Text.Json;

namespace Studies.Experiments.Datasets;

/// <summary>
/// A JSON file holding an array of objects, or an object with an "examples" (BIG-Bench Hard) or "data" array. Rows
/// have no line of their own, so problems name the file and the row number.
/// </summary>
internal static class JsonArrayRowReader
{
    public static List<DatasetRow> Read(string path, RowProblems problems)
    {
        var rows = new List<DatasetRow>();
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(File.ReadAllText(path, Encoding.UTF8).TrimStart('\uFEFF'));
        }
        catch (JsonException e)
        {
            problems.Add((int)(e.LineNumber ?? 0) + 1, $"not valid JSON: {e.Message.Split(" Path:")[0].Split(" LineNumber:")[0]}");
            return rows;
        }

        using (doc)
        {
            var root = doc.RootElement;
            var array = root.ValueKind == JsonValueKind.Array ? root
                : root.ValueKind == JsonValueKind.Object && (root.TryGetProperty("examples", out var ex) || root.TryGetProperty("data", out ex)) && ex.ValueKind == JsonValueKind.Array ? ex
                : default;
            if (array.ValueKind != JsonValueKind.Array)
            {
                problems.Add(1, "a JSON dataset must be an array of objects, or an object with an \"examples\" or \"data\" array; for one object per line use a .jsonl file.");
                return rows;
            }

            foreach (var element in array.EnumerateArray())
            {
                if (element.ValueKind != JsonValueKind.Object)
                {
                    problems.Add(0, $"row {rows.Count + 1} is not a JSON object.");
                    continue;
                }

                rows.Add(new DatasetRow(0, rows.Count + 1, JsonFields.From(element)));
            }
        }

        return rows;
    }
}
