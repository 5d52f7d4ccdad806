namespace Studies.Experiments.Results;

/// <summary>
/// Settings of results folders (configuration section "Results").
/// Durability trade-off: a finished trial is written to the OS (one write call of whole lines, which a crash or
/// SIGKILL of the process cannot tear) as soon as it finishes when trials finish less often than every
/// <see cref="WriteBatchWindow"/>; faster trials are written together, within that window or at the scheduler's next
/// progress tick, because a write call per trial would cost more than a trial of an instant backend. fsync (which
/// survives power loss) is batched to every <see cref="FsyncInterval"/> or <see cref="FsyncEveryTrials"/> trials and
/// the end of the run, because an fsync per trial would cost more than a tiny model's trial. A crash can lose at most
/// the unwritten batch, a power cut the unsynced window (and tear the last line, which the next open repairs); those
/// trials simply run again on resume, so a resumed run still ends with every trial exactly once.
/// </summary>
public sealed class ResultsOptions
{
    public const string Section = "Results";

    /// <summary>Where new run folders are created (results/&lt;config-name&gt;-&lt;UTC yyyyMMdd-HHmmss&gt;).</summary>
    public string Root { get; set; } = "results";

    /// <summary>A trial finishing later than this after the previous write is written at once; sooner ones are batched.</summary>
    public TimeSpan WriteBatchWindow { get; set; } = TimeSpan.FromMilliseconds(5);

    public TimeSpan FsyncInterval { get; set; } = TimeSpan.FromSeconds(2);

    public int FsyncEveryTrials { get; set; } = 1000;

    /// <summary>
    /// When a session finishes every planned trial, rewrite trials.jsonl atomically in plan order with one line per
    /// key (the newest), so interrupted-and-resumed and uninterrupted runs leave identical files.
    /// </summary>
    public bool CompactOnCompletion { get; set; } = true;
}
