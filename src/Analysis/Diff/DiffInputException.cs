namespace Studies.Analysis.Diff;

/// <summary>
/// A diff cannot start because of what it was given (a missing folder, a folder without trials.jsonl, an unreadable
/// manifest, a damaged trials file, an out-of-range option): the message is one line saying what to do.
/// </summary>
public sealed class DiffInputException(string message, Exception? inner = null) : Exception(message, inner);
