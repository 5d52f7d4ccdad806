namespace Studies.Analysis.Diff;

/// <summary>Where a diff was written: the folder, diff.md (figures/ beside it), diff.html and flips.jsonl.</summary>
public sealed record DiffFiles(string Folder, string Markdown, string Html, string Flips);
