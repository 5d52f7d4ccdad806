namespace Studies.Cli.Bench;

/// <summary>
/// One part of `studies bench`: measures something, compares it with a baseline and says whether its targets are
/// met. Parts run one after another, each with its peak memory recorded; <see cref="BenchmarkParts"/> lists them.
/// </summary>
internal interface IBenchmarkPart
{
    /// <summary>Prefix of this part's keys in the JSON output (e.g. "throughput").</summary>
    string Key { get; }

    /// <summary>Heading of this part in the table.</summary>
    string Title { get; }

    /// <summary>What our figures are compared with (the table's baseline column).</summary>
    string Baseline { get; }

    Task<BenchPartResult> RunAsync(BenchContext context, CancellationToken ct);
}
