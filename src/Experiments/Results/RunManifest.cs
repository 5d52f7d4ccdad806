using Studies.Backends;

namespace Studies.Experiments.Results;

/// <summary>
/// manifest.json of a results folder: what was run (the resolved config and its hash, every model's identity and
/// runtime) and each session that worked on it (host, .NET version, CLI arguments, start and end, counts).
/// </summary>
public sealed record RunManifest
{
    public const int CurrentFormat = 1;

    public int Format { get; init; } = CurrentFormat;

    /// <summary>The study file's name without extension.</summary>
    public required string ConfigName { get; init; }

    public required string ConfigHash { get; init; }

    public required ResolvedConfig Config { get; init; }

    /// <summary>The models as loaded by the latest session (sha256, llama.cpp build, context, template...).</summary>
    public required IReadOnlyList<ModelInfo> Models { get; init; }

    public DateTimeOffset CreatedUtc { get; init; }

    /// <summary>Set when a session ran every planned trial.</summary>
    public DateTimeOffset? CompletedUtc { get; init; }

    public IReadOnlyList<RunSession> Sessions { get; init; } = [];
}

/// <summary>One process's work on a run: a fresh start or a resume.</summary>
public sealed record RunSession
{
    public DateTimeOffset StartedUtc { get; init; }

    public DateTimeOffset? EndedUtc { get; init; }

    /// <summary>The command line (the CLI passes its arguments).</summary>
    public IReadOnlyList<string> Args { get; init; } = [];

    /// <summary>--study filter of this session (empty = all).</summary>
    public IReadOnlyList<string> Studies { get; init; } = [];

    public int? Limit { get; init; }

    public required HostInfo Host { get; init; }

    /// <summary>completed, completed_with_failures, interrupted or faulted; null while running (or after a crash).</summary>
    public string? Status { get; init; }

    public int Planned { get; init; }

    /// <summary>Trials already finished by earlier sessions.</summary>
    public int Skipped { get; init; }

    public int Succeeded { get; init; }

    public int Failed { get; init; }
}

/// <summary>Where a session ran.</summary>
public sealed record HostInfo
{
    public required string Machine { get; init; }

    public required string Os { get; init; }

    public required string Architecture { get; init; }

    public int ProcessorCount { get; init; }

    public required string Dotnet { get; init; }

    public static HostInfo Current() => new()
    {
        Machine = Environment.MachineName,
        Os = System.Runtime.InteropServices.RuntimeInformation.OSDescription,
        Architecture = System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture.ToString(),
        ProcessorCount = Environment.ProcessorCount,
        Dotnet = System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription,
    };
}
