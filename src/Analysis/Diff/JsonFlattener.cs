using System.Text.Json;
using System.Text.Json.Nodes;

namespace Studies.Analysis.Diff;

/// <summary>
/// Flattens JSON into setting paths and scalar text, for comparing manifests: objects become a.b, arrays of scalars one
/// "[x, y]" value, arrays of objects with a "name" become a[name] (plus a "present" marker at a[name]) and other arrays
/// a[i]. JSON null is an absent value.
/// </summary>
internal static class JsonFlattener
{
    public const string Present = "present";

    public static Dictionary<string, string?> Flatten(JsonNode? node, string prefix = "")
    {
        var into = new Dictionary<string, string?>(StringComparer.Ordinal);
        Flatten(node, prefix, into);
        return into;
    }

    private static void Flatten(JsonNode? node, string path, Dictionary<string, string?> into)
    {
        switch (node)
        {
            case null:
                into[path] = null;
                break;
            case JsonObject o:
                if (o.Count == 0 && path.Length > 0)
                {
                    into[path] = "{}";
                }

                foreach (var (name, value) in o)
                {
                    Flatten(value, path.Length == 0 ? name : $"{path}.{name}", into);
                }

                break;
            case JsonArray array when array.All(x => x is null or JsonValue):
                into[path] = "[" + string.Join(", ", array.Select(x => Scalar(x as JsonValue) ?? "null")) + "]";
                break;
            case JsonArray array when array.All(x => x is JsonObject { } o && o["name"] is JsonValue):
                foreach (var element in array)
                {
                    string named = $"{path}[{Scalar((JsonValue)element!["name"]!)}]";
                    into[named] = Present;
                    foreach (var (name, value) in element.AsObject().Where(p => p.Key != "name"))
                    {
                        Flatten(value, $"{named}.{name}", into);
                    }
                }

                break;
            case JsonArray array:
                for (int i = 0; i < array.Count; i++)
                {
                    Flatten(array[i], $"{path}[{i}]", into);
                }

                break;
            case JsonValue v:
                into[path] = Scalar(v);
                break;
        }
    }

    private static string? Scalar(JsonValue? value) => value switch
    {
        null => null,
        _ when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        _ => value.ToJsonString(),
    };
}
