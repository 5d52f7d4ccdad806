using System.Text.Json.Serialization;

namespace Studies.Backends.Remote.Dto;

/// <summary>Source-generated (reflection-free, trimming-safe) serialization of every remote DTO, in snake_case.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(NativeCompletionRequest))]
[JsonSerializable(typeof(NativeCompletionResponse))]
[JsonSerializable(typeof(TokenizeRequest))]
[JsonSerializable(typeof(TokenizeResponse))]
[JsonSerializable(typeof(ApplyTemplateRequest))]
[JsonSerializable(typeof(ApplyTemplateResponse))]
[JsonSerializable(typeof(PropsResponse))]
[JsonSerializable(typeof(OpenAiCompletionRequest))]
[JsonSerializable(typeof(OpenAiCompletionResponse))]
[JsonSerializable(typeof(ModelsResponse))]
[JsonSerializable(typeof(VllmTokenizeRequest))]
[JsonSerializable(typeof(VllmTokenizeResponse))]
internal sealed partial class RemoteJsonContext : JsonSerializerContext;
