using System.Text.Json;

namespace Studies.Experiments.Datasets;

/// <summary>Flattens a JSON object's properties to row values: text, a list of texts, or null.</summary>
internal static class JsonFields
{
    public static Dictionary<string, object?> From(JsonElement obj)
    {
        var fields = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var p in obj.EnumerateObject())
        {
            fields[p.Name] = Value(p.Value);
        }

        return fields;
    }

    private static object? Value(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => e.GetString(),
        JsonValueKind.Array => e.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.String ? x.GetString() ?? "" : x.GetRawText()).ToList(),
        _ => e.GetRawText(), // numbers keep their written form ("0" stays "0"), booleans become "true"/"false"
    };
}
