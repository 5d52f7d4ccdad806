namespace Studies.Analysis.Plots;

/// <summary>How the shots axis is spaced. Shot counts are usually 0, 1, 2, 4, 8, 16, 32, which crowd on a linear axis.</summary>
public enum ShotsAxis
{
    /// <summary>Log-spaced (log2(1 + k)) when the largest count is 8 or more, linear otherwise.</summary>
    Auto,
    Linear,
    Log2,
}
