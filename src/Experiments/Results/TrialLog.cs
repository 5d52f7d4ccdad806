using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Studies.Experiments.Results;

/// <summary>Parses one line of trials.jsonl (raw UTF-8, no newline); null when it is not a trial record.</summary>
internal delegate T? LineParser<T>(ReadOnlySpan<byte> line);

/// <summary>
/// Reads trials.jsonl. A line is written whole by one write call, so only the last line can be torn (by a power cut
/// or a full disk): it is dropped, logged, and — when no writer holds the folder — truncated from the file. Any other
/// malformed line is an error (<see cref="TrialLogException"/>): nothing else is ever skipped.
/// </summary>
public static class TrialLog
{
    public const string FileName = "trials.jsonl";

    /// <summary>
    /// The newest record of every key (a retried trial's later line wins), in the order keys first appear.
    /// <paramref name="path"/> is a trials.jsonl file or a run folder.
    /// </summary>
    public static IReadOnlyList<TrialRecord> ReadAll(string path, Microsoft.Extensions.Logging.ILogger? logger = null)
    {
        var lines = ReadLines(path, logger);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new List<TrialRecord>(lines.Count);
        foreach (var record in lines)
        {
            if (index.TryGetValue(record.Key, out int at))
            {
                result[at] = record;
            }
            else
            {
                index[record.Key] = result.Count;
                result.Add(record);
            }
        }

        return result;
    }

    /// <summary>Every record line in file order (superseded attempts included).</summary>
    public static IReadOnlyList<TrialRecord> ReadLines(string path, Microsoft.Extensions.Logging.ILogger? logger = null) =>
        Read(path, logger, Parse);

    /// <summary>The key and status of every line, in file order (cheap: the rest of each line is checked, not materialized).</summary>
    internal static IReadOnlyList<TrialKeyStatus> ReadStatuses(string path, Microsoft.Extensions.Logging.ILogger? logger = null) =>
        Read(path, logger, ParseStatus);

    private static List<T> Read<T>(string path, Microsoft.Extensions.Logging.ILogger? logger, LineParser<T> parse)
        where T : class
    {
        string file = Directory.Exists(path) ? Path.Combine(path, FileName) : path;
        string? folder = Path.GetDirectoryName(Path.GetFullPath(file));
        if (folder is not null && NeedsRepair(file) && RunLock.TryAcquire(folder) is { } runLock)
        {
            using (runLock)
            {
                Repair(file, logger);
            }
        }

        var records = new List<T>();
        if (!File.Exists(file))
        {
            return records;
        }

        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);
        int number = 0;
        JsonlLines.Read(stream, (_, line, terminated) =>
        {
            number++;
            line = line.TrimEnd((byte)'\r');
            if (line.IsEmpty)
            {
                return;
            }

            if (parse(line) is { } record)
            {
                records.Add(record);
            }
            else if (!terminated)
            {
                // A writer is appending (or a torn line could not be repaired): ignore the incomplete tail.
                logger?.LogWarning("Ignoring the incomplete last line {Line} of {File}", number, file);
            }
            else
            {
                throw new TrialLogException(file, number, "not a trial record: the file was edited or damaged; restore it, or move the run aside and start anew.");
            }
        });
        return records;
    }

    /// <summary>
    /// Makes the file end at a line boundary: a last line without its newline is completed when it is a whole record,
    /// truncated otherwise. Returns the bytes removed. Only call while holding the folder (no writer active).
    /// </summary>
    public static long Repair(string file, Microsoft.Extensions.Logging.ILogger? logger = null)
    {
        if (!File.Exists(file))
        {
            return 0;
        }

        using var stream = new FileStream(file, FileMode.Open, FileAccess.ReadWrite, FileShare.Read);
        long length = stream.Length;
        if (length == 0 || EndsWithNewline(stream))
        {
            return 0;
        }

        long start = LastLineStart(stream);
        var tail = new byte[length - start];
        stream.Position = start;
        stream.ReadExactly(tail);
        if (Parse(tail) is not null)
        {
            stream.Position = length;
            stream.WriteByte((byte)'\n');
            stream.Flush(flushToDisk: true);
            logger?.LogWarning("Completed the last line of {File} (a whole record missing its newline)", file);
            return 0;
        }

        stream.SetLength(start);
        stream.Flush(flushToDisk: true);
        logger?.LogWarning("Repaired {File}: removed a torn last line of {Bytes} bytes (that trial will run again)", file, tail.Length);
        return tail.Length;
    }

    private static bool NeedsRepair(string file)
    {
        try
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            return !EndsWithNewline(stream);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>
    /// The key of a line without parsing it: lines this engine writes start with {"key":"...". Anything else (or a
    /// key with escapes) goes through the parser.
    /// </summary>
    internal static string? KeyOf(ReadOnlySpan<byte> line)
    {
        ReadOnlySpan<byte> prefix = "{\"key\":\""u8;
        if (line.StartsWith(prefix) && line.EndsWith("}"u8))
        {
            var rest = line[prefix.Length..];
            int end = rest.IndexOfAny((byte)'"', (byte)'\\');
            if (end > 0 && rest[end] == '"')
            {
                return Encoding.UTF8.GetString(rest[..end]);
            }
        }

        return ParseStatus(line)?.Key;
    }

    /// <summary>
    /// The key and status of a line, which must be one whole JSON object (every token is checked, so a damaged line
    /// is still refused), without materializing the rest of the record. Null when it is not a trial record.
    /// </summary>
    internal static TrialKeyStatus? ParseStatus(ReadOnlySpan<byte> line)
    {
        try
        {
            var reader = new Utf8JsonReader(line);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            string? key = null;
            var status = TrialStatus.Ok;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                bool isKey = reader.ValueTextEquals("key"u8), isStatus = reader.ValueTextEquals("status"u8);
                reader.Read();
                if (isKey)
                {
                    key = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }
                else if (isStatus)
                {
                    if (reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("ok"u8))
                    {
                        status = TrialStatus.Ok;
                    }
                    else if (reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("failed"u8))
                    {
                        status = TrialStatus.Failed;
                    }
                    else
                    {
                        return null;
                    }
                }
                else
                {
                    reader.Skip();
                }
            }

            bool whole = reader.TokenType == JsonTokenType.EndObject && !reader.Read();
            return whole && key is { Length: > 0 } ? new TrialKeyStatus(key, status) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    internal static TrialRecord? Parse(ReadOnlySpan<byte> line)
    {
        try
        {
            var record = JsonSerializer.Deserialize(line, ResultsJsonContext.Default.TrialRecord);
            return record is { Key.Length: > 0 } ? record : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool EndsWithNewline(FileStream stream)
    {
        long length = stream.Length;
        if (length == 0)
        {
            return true;
        }

        long position = stream.Position;
        stream.Position = length - 1;
        int last = stream.ReadByte();
        stream.Position = position;
        return last == '\n';
    }

    /// <summary>Where the file's last line starts: just after its last newline (the length when it ends with one; 0 when it has none).</summary>
    internal static long LastLineStart(FileStream stream)
    {
        var buffer = new byte[64 * 1024];
        long end = stream.Length;
        while (end > 0)
        {
            int count = (int)Math.Min(buffer.Length, end);
            stream.Position = end - count;
            stream.ReadExactly(buffer, 0, count);
            int i = Array.LastIndexOf(buffer, (byte)'\n', count - 1, count);
            if (i >= 0)
            {
                return end - count + i + 1;
            }

            end -= count;
        }

        return 0;
    }
}
