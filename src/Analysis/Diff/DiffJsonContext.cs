using System.Text.Json.Serialization;

namespace Studies.Analysis.Diff;

/// <summary>Source-generated JSON for the diff's machine-readable output (snake_case, nulls omitted, like the results files).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(FlipLine))]
public sealed partial class DiffJsonContext : JsonSerializerContext;
