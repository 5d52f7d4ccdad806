namespace Studies.Analysis.Plots;

/// <summary>
/// One series of a grouped bar chart (for example a model), with a value per category (for example an uncertainty
/// signal). Categories are matched across series by label; a series may lack some.
/// </summary>
public sealed record IntervalSeries(string Name, IReadOnlyList<LabeledInterval> Values);
