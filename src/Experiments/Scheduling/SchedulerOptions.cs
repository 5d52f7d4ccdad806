namespace Studies.Experiments.Scheduling;

/// <summary>Settings of the trial scheduler (configuration section "Scheduler").</summary>
public sealed class SchedulerOptions
{
    public const string Section = "Scheduler";

    /// <summary>Caps trials in flight per model; 0 = the model's own concurrency (the local backend's context count).</summary>
    public int MaxConcurrencyPerModel { get; set; }

    public TimeSpan ProgressInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Rates (trials/s, tokens/s) and the ETA are computed over this recent window.</summary>
    public TimeSpan ThroughputWindow { get; set; } = TimeSpan.FromSeconds(10);
}
