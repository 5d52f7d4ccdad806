namespace Studies.Analysis.Reports;

/// <summary>Content of a section: <see cref="ReportParagraph"/>, <see cref="ReportTable"/> or <see cref="ReportFigure"/>.</summary>
public abstract record ReportBlock;
