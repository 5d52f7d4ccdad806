namespace Studies.Experiments.Results;

/// <summary>What <see cref="RunStore.Open"/> needs: the folder, the manifest of this configuration and this session.</summary>
public sealed record RunStoreRequest
{
    public required string Folder { get; init; }

    /// <summary>The manifest for a fresh run (its sessions are ignored; the store keeps the folder's history).</summary>
    public required RunManifest Manifest { get; init; }

    public required RunSession Session { get; init; }

    /// <summary>Start anew even when the folder holds a run of another configuration (its files are moved aside, never deleted).</summary>
    public bool ForceNew { get; init; }
}

/// <summary>The opened store, or why the folder cannot be used (a message for the user).</summary>
public sealed record RunStoreOpenResult(RunStore? Store, string? Problem);
