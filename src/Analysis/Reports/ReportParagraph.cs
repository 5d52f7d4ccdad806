namespace Studies.Analysis.Reports;

/// <summary>Plain text (not markup: writers escape it). Line breaks inside the text are kept.</summary>
public sealed record ReportParagraph(string Text) : ReportBlock;
