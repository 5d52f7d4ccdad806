using Studies.Cli.Output;

namespace Studies.Cli.Bench;

/// <summary>The parts `studies bench` runs, in order. A new measurement is one more entry.</summary>
internal static class BenchmarkParts
{
    public static IReadOnlyList<IBenchmarkPart> All { get; } =
    [
        new ThroughputPart(),
        new IclScoringPart(),
        new SamplingPart(),
        new SchedulerPart(),
    ];

    /// <summary>The parts named by key, in their usual order; all of them when none is named.</summary>
    public static IReadOnlyList<IBenchmarkPart> Select(IReadOnlyCollection<string> keys)
    {
        if (keys.Count == 0)
        {
            return All;
        }

        var unknown = keys.Where(k => All.All(p => p.Key != k)).ToArray();
        if (unknown.Length > 0)
        {
            throw new UserInputException($"unknown bench part {string.Join(", ", unknown)}: the parts are {string.Join(", ", All.Select(p => p.Key))}.");
        }

        return All.Where(p => keys.Contains(p.Key)).ToArray();
    }
}
