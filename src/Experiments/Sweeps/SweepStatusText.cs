using System.Globalization;
using System.Text;

namespace Studies.Experiments.Sweeps;

/// <summary>
/// The status as plain text: one row per run (done / total, trials/s, ETA, failures), the errors of failed runs, and
/// the summary line last ("sweep complete: 6/6 runs done"), so scripts can `tail -1`.
/// </summary>
public static class SweepStatusText
{
    private static readonly string[] Header = ["run", "study", "models", "params", "lane", "phase", "done/total", "trials/s", "eta", "failures"];

    public static string Render(SweepStatus status)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"sweep {status.Name} ({status.StateDirectory})\n");
        var rows = status.Runs.Select(Row).ToList();
        if (rows.Count > 0)
        {
            Table(sb, rows);
        }

        if (status.Retired.Count > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{status.Retired.Count} run(s) of points no longer in the sweep are kept: ")
                .Append(string.Join(", ", status.Retired.Select(r => $"{r.Id} ({Phase(r)}, {r.Done}/{Total(r)})"))).Append('\n');
        }

        foreach (var failed in status.Runs.Where(r => r.Error is not null))
        {
            sb.Append(CultureInfo.InvariantCulture, $"{failed.Id} failed (attempt {failed.Attempts}{(failed.Settled ? ", not retried" : ", will retry")}): {failed.Error}\n");
        }

        return sb.Append(status.Summary).Append('\n').ToString();
    }

    /// <summary>The heartbeat: the summary and the running runs in one line.</summary>
    public static string Heartbeat(SweepStatus status)
    {
        var running = status.Runs.Where(r => r.Phase == RunPhase.Running)
            .Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Id} {r.Done}/{Total(r)} {r.TrialsPerSecond:F1}/s eta {Eta(r)}"));
        string detail = string.Join("; ", running);
        return detail.Length > 0 ? $"{status.Summary} | {detail}" : status.Summary;
    }

    private static string[] Row(RunProgress r) =>
    [
        r.Id,
        r.Study,
        string.Join('+', r.Models),
        string.Join(' ', (r.Seed is null ? [] : new[] { $"seed={r.Seed}" }).Concat(r.Parameters.Select(p => $"{p.Name}={p.Value}"))),
        r.Lane,
        Phase(r),
        $"{r.Done}/{Total(r)}",
        r.TrialsPerSecond > 0 ? r.TrialsPerSecond.ToString("F1", CultureInfo.InvariantCulture) : "-",
        Eta(r),
        r.FailedTrials.ToString(CultureInfo.InvariantCulture),
    ];

    private static string Phase(RunProgress r) => r.Phase switch
    {
        RunPhase.Pending when r.Attempts > 0 => "interrupted",
        RunPhase.Failed when !r.Settled => "retrying",
        _ => r.Phase.ToString().ToLowerInvariant(),
    };

    private static string Total(RunProgress r) => r.Total?.ToString(CultureInfo.InvariantCulture) ?? "?";

    private static string Eta(RunProgress r) => r.EtaSeconds is { } s ? Durations.Format(s) : "-";

    private static void Table(StringBuilder sb, List<string[]> rows)
    {
        var widths = Header.Select((h, i) => Math.Max(h.Length, rows.Max(r => r[i].Length))).ToArray();
        void Line(string[] cells) => sb.Append(string.Join("  ", cells.Select((c, i) => c.PadRight(widths[i]))).TrimEnd()).Append('\n');
        Line(Header);
        foreach (var row in rows)
        {
            Line(row);
        }
    }
}
