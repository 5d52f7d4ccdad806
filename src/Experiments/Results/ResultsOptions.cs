namespace Studies.Experiments.Results;

/// <summary>
/// Settings of results folders (configuration section "Results").
/// Durability trade-off: every finished trial is written to the OS with one write call as soon as it finishes, so a
/// crash or SIGKILL of the process never loses it; fsync (which survives power loss) is batched to every
/// <see cref="FsyncInterval"/> or <see cref="FsyncEveryTrials"/> trials and the end of the run, because an fsync per
/// trial would cost more than a tiny model's trial. A power cut can lose at most that window (and tear the last line,
/// which the next open repairs); those trials simply run again on resume.
/// </summary>
public sealed class ResultsOptions
{
    public const string Section = "Results";

    /// <summary>Where new run folders are created (results/&lt;config-name&gt;-&lt;UTC yyyyMMdd-HHmmss&gt;).</summary>
    public string Root { get; set; } = "results";

    public TimeSpan FsyncInterval { get; set; } = TimeSpan.FromSeconds(2);

    public int FsyncEveryTrials { get; set; } = 1000;

    /// <summary>
    /// When a session finishes every planned trial, rewrite trials.jsonl atomically in plan order with one line per
    /// key (the newest), so interrupted-and-resumed and uninterrupted runs leave identical files.
    /// </summary>
    public bool CompactOnCompletion { get; set; } = true;
}
