using System.Text.Json.Serialization;

namespace Studies.Experiments.Sweeps;

/// <summary>Source-generated JSON for the state folder's files and the status document (snake_case, like results).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SweepPoint))]
[JsonSerializable(typeof(RunState))]
[JsonSerializable(typeof(SweepManifest))]
[JsonSerializable(typeof(SweepStatus))]
public sealed partial class SweepJsonContext : JsonSerializerContext;
