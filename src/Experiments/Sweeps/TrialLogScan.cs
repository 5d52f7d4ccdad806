using System.Text.Json;
using Studies.Experiments.Results;

namespace Studies.Experiments.Sweeps;

/// <summary>
/// What a run's trials.jsonl says, read without materializing records: finished keys (ok), keys whose newest line is a
/// failure, and the finish times for a rate, from the raw UTF-8 lines. A last line without its newline is a writer mid-append and is ignored
/// (the file is never modified here: the daemon may be writing it).
/// </summary>
public sealed record TrialLogScan
{
    private const int TailSize = 4096;

    public int Succeeded { get; init; }

    public int Failed { get; init; }

    public int Lines { get; init; }

    public DateTimeOffset? FirstFinishedUtc { get; init; }

    public DateTimeOffset? LastFinishedUtc { get; init; }

    /// <summary>Trials per second over the last minute of finished trials (whole-run average for a short or compacted log).</summary>
    public double TrialsPerSecond { get; init; }

    public static TrialLogScan Empty { get; } = new();

    public static TrialLogScan Read(string resultsFolder)
    {
        string path = Path.Combine(resultsFolder, TrialLog.FileName);
        if (!File.Exists(path))
        {
            return Empty;
        }

        var latest = new Dictionary<string, bool>(StringComparer.Ordinal);
        var tail = new Queue<DateTimeOffset>();
        DateTimeOffset? first = null, last = null;
        int lines = 0;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);
            long complete = TrialLog.LastLineStart(stream); // the complete lines end there
            stream.Position = 0;
            JsonlLines.Read(stream, (_, line, _) =>
            {
                if (line.IsEmpty || !TryParse(line, out string? key, out bool ok, out var finished))
                {
                    return;
                }

                lines++;
                latest[key] = ok;
                if (finished is { } t)
                {
                    first = first is null || t < first ? t : first;
                    last = last is null || t > last ? t : last;
                    tail.Enqueue(t);
                    if (tail.Count > TailSize)
                    {
                        tail.Dequeue();
                    }
                }
            }, end: complete);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Empty;
        }

        int succeeded = latest.Values.Count(ok => ok);
        return new TrialLogScan
        {
            Succeeded = succeeded,
            Failed = latest.Count - succeeded,
            Lines = lines,
            FirstFinishedUtc = first,
            LastFinishedUtc = last,
            TrialsPerSecond = Rate(tail, first, last, lines),
        };
    }

    private static double Rate(Queue<DateTimeOffset> tail, DateTimeOffset? first, DateTimeOffset? last, int lines)
    {
        if (last is not { } end || first is not { } start || lines < 2)
        {
            return 0;
        }

        var window = tail.Where(t => t >= end - TimeSpan.FromMinutes(1)).ToList();
        if (window.Count >= 2 && window.Max() > window.Min())
        {
            return (window.Count - 1) / (window.Max() - window.Min()).TotalSeconds;
        }

        double span = (end - start).TotalSeconds;
        return span > 0 ? (lines - 1) / span : 0;
    }

    private static bool TryParse(ReadOnlySpan<byte> line, out string key, out bool ok, out DateTimeOffset? finished)
    {
        key = "";
        ok = false;
        finished = null;
        try
        {
            var reader = new Utf8JsonReader(line);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                string name = reader.GetString()!;
                reader.Read();
                switch (name)
                {
                    case "key" when reader.TokenType == JsonTokenType.String:
                        key = reader.GetString()!;
                        break;
                    case "status" when reader.TokenType == JsonTokenType.String:
                        ok = reader.ValueTextEquals("ok"u8);
                        break;
                    case "timings" when reader.TokenType == JsonTokenType.StartObject:
                        finished = FinishedUtc(ref reader);
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }

            return key.Length > 0;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static DateTimeOffset? FinishedUtc(ref Utf8JsonReader reader)
    {
        DateTimeOffset? finished = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool wanted = reader.ValueTextEquals("finished_utc"u8);
            reader.Read();
            if (wanted && reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out var t))
            {
                finished = t;
            }
            else
            {
                reader.Skip();
            }
        }

        return finished;
    }
}
