namespace Studies.Backends.Remote;

/// <summary>Capabilities that differ from the server kind's defaults; null = the default.</summary>
public sealed record RemoteCapabilityOverrides
{
    public bool? PromptScoring { get; init; }

    public int? MaxTopLogprobs { get; init; }

    public int? MaxSamples { get; init; }

    public bool? RawCompletion { get; init; }

    public bool? Chat { get; init; }

    public bool? GenerationLogprobs { get; init; }

    public bool? Deterministic { get; init; }
}
