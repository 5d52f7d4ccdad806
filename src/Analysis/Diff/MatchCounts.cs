namespace Studies.Analysis.Diff;

/// <summary>
/// What the matching did with each run's trials. Failed trials never take part in a comparison; an ok trial is
/// unpaired when the other run has no such trial, its partner failed, or its model has no partner.
/// </summary>
public sealed record MatchCounts(int TrialsA, int TrialsB, int FailedA, int FailedB, int Paired, int UnpairedA, int UnpairedB);
