namespace Studies.Cli.Bench;

/// <summary>Runs the parts one after another, recording the peak memory of each.</summary>
internal static class BenchRunner
{
    public static async Task<IReadOnlyList<BenchPartResult>> RunAsync(BenchContext context, IReadOnlyList<IBenchmarkPart> parts, CancellationToken ct)
    {
        var results = new List<BenchPartResult>(parts.Count);
        foreach (var part in parts)
        {
            context.Status(part.Title);
            // Start each part from the same floor: what earlier parts left behind is collected, the peak forgotten.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            PeakMemory.Reset();
            var result = await part.RunAsync(context, ct);
            result.PeakMemoryBytes = PeakMemory.Read();
            results.Add(result);
        }

        return results;
    }
}
