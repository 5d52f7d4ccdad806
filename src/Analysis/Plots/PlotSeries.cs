namespace Studies.Analysis.Plots;

/// <summary>A named line of points (one model, label treatment or condition), drawn with its confidence band.</summary>
public sealed record PlotSeries(string Name, IReadOnlyList<SeriesPoint> Points);
