namespace Studies.Backends;

/// <summary>What identifies a model for reproducibility (recorded in every run's manifest).</summary>
public sealed record ModelInfo
{
    public required string Name { get; init; }

    /// <summary>"local" or "remote".</summary>
    public required string Backend { get; init; }

    /// <summary>The GGUF path (local) or the endpoint base URL (remote).</summary>
    public required string Location { get; init; }

    public string? Architecture { get; init; }

    public long ParameterCount { get; init; }

    public int ContextLength { get; init; }

    public string? Quantization { get; init; }

    public string? ChatTemplate { get; init; }

    public int VocabularySize { get; init; }

    public string? Sha256 { get; init; }

    public long SizeBytes { get; init; }

    /// <summary>The native library build (llama.cpp release and npm package) or the server's reported version.</summary>
    public string? RuntimeVersion { get; init; }
}
