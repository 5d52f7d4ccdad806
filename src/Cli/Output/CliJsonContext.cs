using System.Text.Json.Serialization;
using Studies.Backends;

namespace Studies.Cli.Output;

[JsonSourceGenerationOptions(WriteIndented = true, UseStringEnumConverter = true, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(GenerationResult))]
[JsonSerializable(typeof(ScoringResult))]
[JsonSerializable(typeof(ModelInfo))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(List<ModelListing>))]
internal sealed partial class CliJsonContext : JsonSerializerContext;

/// <summary>One row of `models list --json`.</summary>
internal sealed record ModelListing(string Name, string? Architecture, long Parameters, string? Quantization, long SizeBytes, bool ChatTemplate, string? Sha256, string Path, string? Problem);
