using System.Text.Json.Serialization;

namespace Studies.Experiments.Results;

/// <summary>
/// Source-generated JSON for every results file (no reflection, no per-call metadata work). Non-finite numbers
/// (a log-probability of -Infinity) are written as "-Infinity" strings rather than failing the trial.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(TrialRecord))]
[JsonSerializable(typeof(RunManifest))]
[JsonSerializable(typeof(ResolvedConfig))]
public sealed partial class ResultsJsonContext : JsonSerializerContext;
