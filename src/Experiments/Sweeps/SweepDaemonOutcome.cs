namespace Studies.Experiments.Sweeps;

/// <summary>How the daemon ended, for the process exit code: 0 stopped or finished, 1 faulted.</summary>
public sealed class SweepDaemonOutcome
{
    public int ExitCode { get; set; }

    public string? Error { get; set; }
}
