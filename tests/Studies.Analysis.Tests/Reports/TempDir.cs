namespace Studies.Analysis.Tests.Reports;

internal static class TempDir
{
    public static string Create()
    {
        string dir = Path.Combine(Path.GetTempPath(), "studies-report-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }
}
