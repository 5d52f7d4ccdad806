using System.Text.Json.Serialization;

namespace Studies.Analysis.Runs;

// NaN marks undefined metrics (e.g. AUROC with one class), so named float literals are allowed.
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals, UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RunSummary))]
public sealed partial class SummaryJsonContext : JsonSerializerContext;
