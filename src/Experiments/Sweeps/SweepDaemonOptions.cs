namespace Studies.Experiments.Sweeps;

/// <summary>What `studies daemon` was asked to do.</summary>
public sealed class SweepDaemonOptions
{
    /// <summary>The sweep file (a grid of models × studies × seeds × parameters).</summary>
    public string SweepFile { get; set; } = "sweep.yaml";

    /// <summary>The state folder (runs, their results, the lock, the queue).</summary>
    public string StateDirectory { get; set; } = "sweep-state";

    /// <summary>How often the sweep file and DIR/queue/*.yaml are re-read (polling: file-system events are unreliable).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often a status line is logged.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Serve the status as JSON on http://127.0.0.1:PORT/ (null = off).</summary>
    public int? StatusPort { get; set; }

    /// <summary>Exit (code 0) once every run of the sweep is settled, instead of waiting for the sweep to grow.</summary>
    public bool ExitWhenDone { get; set; }

    /// <summary>Starts of a run that keeps faulting (an unreachable endpoint, say) before it is left failed.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Wait before retrying a faulted run; doubled at each attempt.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Write the sweep report when the sweep is complete.</summary>
    public bool Report { get; set; } = true;

    /// <summary>The command line, recorded in each run's manifest.</summary>
    public IReadOnlyList<string> Args { get; set; } = [];
}
