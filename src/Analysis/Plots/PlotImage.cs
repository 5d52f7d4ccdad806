namespace Studies.Analysis.Plots;

/// <summary>A rendered figure: PNG bytes (always) and SVG markup (when asked for), with the PNG's pixel size.</summary>
public sealed record PlotImage(byte[] Png, int Width, int Height, string? Svg = null);
