namespace Studies.Experiments.Results;

/// <summary>Just the key and status of a trials.jsonl line: resuming reads only these (the rest of a line is skipped, not materialized).</summary>
internal sealed record TrialKeyStatus(string Key, TrialStatus Status);
