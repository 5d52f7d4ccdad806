using Studies.Analysis.Plots;

namespace Studies.Analysis.Tests.Plots;

/// <summary>Writes rendered figures to the folder in STUDIES_PLOT_SAMPLES (when set) so a person can look at them.</summary>
internal static class SampleOutput
{
    public static void Save(string name, PlotImage image)
    {
        string? folder = Environment.GetEnvironmentVariable("STUDIES_PLOT_SAMPLES");
        if (string.IsNullOrWhiteSpace(folder))
            return;
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, name + ".png"), image.Png);
    }
}
