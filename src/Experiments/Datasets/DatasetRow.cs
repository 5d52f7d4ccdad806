namespace Studies.Experiments.Datasets;

/// <summary>
/// One record of a data file before field mapping. Values are text, a list of texts (a JSON array), or null.
/// <see cref="Line"/> is where the record starts in the file (1-based), for "file:line" messages.
/// </summary>
public sealed record DatasetRow(int Line, int Number, IReadOnlyDictionary<string, object?> Fields);
