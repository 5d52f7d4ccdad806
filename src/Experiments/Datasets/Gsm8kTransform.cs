using System.Text.RegularExpressions;

namespace Studies.Experiments.Datasets;

/// <summary>
/// GSM8K rows ({question, answer}) where the answer is a worked solution ending "#### 18" with calculator annotations
/// "&lt;&lt;16-3-4=9&gt;&gt;": the answer field becomes the final number and the solution (annotations removed) becomes
/// the explanation field.
/// </summary>
internal static partial class Gsm8kTransform
{
    public static List<DatasetRow> Apply(List<DatasetRow> rows, RowProblems problems)
    {
        var result = new List<DatasetRow>(rows.Count);
        foreach (var row in rows)
        {
            string? answer = row.Fields.GetValueOrDefault("answer") as string;
            int mark = answer?.LastIndexOf("####", StringComparison.Ordinal) ?? -1;
            if (answer is null || mark < 0)
            {
                problems.Add(row.Line, "a GSM8K row needs an \"answer\" ending with \"#### <number>\".");
                continue;
            }

            var fields = new Dictionary<string, object?>(row.Fields, StringComparer.Ordinal)
            {
                ["answer"] = answer[(mark + 4)..].Trim().Replace(",", "", StringComparison.Ordinal),
                ["explanation"] = Annotation().Replace(answer[..mark], "").Trim(),
            };
            result.Add(row with { Fields = fields });
        }

        return result;
    }

    [GeneratedRegex("<<[^>]*>>")]
    private static partial Regex Annotation();
}
