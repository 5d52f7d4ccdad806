using System.Text.Json.Serialization;

namespace Studies.Experiments.Sweeps;

/// <summary>Where a sweep run stands.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RunPhase>))]
public enum RunPhase
{
    /// <summary>Not started, or interrupted (SIGTERM): the next turn resumes it.</summary>
    [JsonStringEnumMemberName("pending")]
    Pending,

    /// <summary>A daemon is running it (or was, when it died: the next daemon resumes it).</summary>
    [JsonStringEnumMemberName("running")]
    Running,

    /// <summary>Every planned trial has a line (some may have failed: see FailedTrials).</summary>
    [JsonStringEnumMemberName("done")]
    Done,

    /// <summary>The run could not go on (invalid study, unreachable results folder...): see Error.</summary>
    [JsonStringEnumMemberName("failed")]
    Failed,
}
