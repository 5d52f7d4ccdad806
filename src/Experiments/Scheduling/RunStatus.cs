namespace Studies.Experiments.Scheduling;

/// <summary>How a run ended.</summary>
public enum RunStatus
{
    /// <summary>Every planned trial finished ok.</summary>
    Completed,

    /// <summary>Every planned trial ran, some failed (recorded with their errors; a resume retries them).</summary>
    CompletedWithFailures,

    /// <summary>Stopped early (Ctrl+C, SIGTERM): in-flight trials were finished and saved; resume with the same command.</summary>
    Interrupted,

    /// <summary>The study file, its data or its models have problems; nothing ran.</summary>
    Invalid,

    /// <summary>The run could not go on (e.g. the results disk is full); finished trials are saved.</summary>
    Faulted,
}
