using System.Text.Json.Serialization;

namespace Studies.Experiments.Results;

/// <summary>How a trial ended. Failed trials are recorded with their error (never dropped) and retried on resume.</summary>
public enum TrialStatus
{
    [JsonStringEnumMemberName("ok")]
    Ok,

    [JsonStringEnumMemberName("failed")]
    Failed,
}
