using System.Text.Json.Serialization;

namespace Studies.Experiments.Results;

/// <summary>Source-generated reader of <see cref="TrialKeyStatus"/> (same naming as <see cref="ResultsJsonContext"/>).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, UseStringEnumConverter = true)]
[JsonSerializable(typeof(TrialKeyStatus))]
internal sealed partial class TrialKeyStatusJsonContext : JsonSerializerContext;
