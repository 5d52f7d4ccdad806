namespace Studies.Analysis.Diff;

/// <summary>
/// One setting that differs between the two manifests: its section (run, a model pair, a study, host), its name (a
/// snake_case path such as sampling.temperature or dataset.content_sha256) and both values (null = absent).
/// </summary>
public sealed record ManifestDifference(string Section, string Setting, string? A, string? B);
