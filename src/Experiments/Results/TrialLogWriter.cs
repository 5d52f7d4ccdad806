using System.Buffers;
using System.Text.Json;

namespace Studies.Experiments.Results;

/// <summary>
/// Appends trial records to trials.jsonl. Records are serialized into one reused buffer of whole lines, which goes to
/// the OS in one unbuffered write (so a process crash never tears a line it wrote): at once when the previous write
/// is older than <see cref="ResultsOptions.WriteBatchWindow"/> (trials slower than that are each written as they
/// finish), else with the next records, within the window, when the buffer is full, or at <see cref="Flush"/> (the
/// scheduler's progress tick). fsync is batched too (see <see cref="ResultsOptions"/>). Not thread-safe: the
/// scheduler serializes appends.
/// </summary>
internal sealed class TrialLogWriter : IDisposable
{
    private const int BatchBytes = 64 * 1024;

    private readonly FileStream _stream;
    private readonly ArrayBufferWriter<byte> _buffer = new(BatchBytes + 4096);
    private readonly Utf8JsonWriter _json;
    private readonly ResultsOptions _options;
    private readonly TimeProvider _time;
    private long _lastSync;
    private long? _lastWrite;
    private int _unsynced;

    public TrialLogWriter(string path, ResultsOptions options, TimeProvider time)
    {
        _options = options;
        _time = time;
        // bufferSize 0: no managed buffer, every Write is one write(2) of whole lines.
        _stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read, bufferSize: 0);
        _json = new Utf8JsonWriter(_buffer, new JsonWriterOptions { SkipValidation = true });
        _lastSync = time.GetTimestamp();
    }

    public void Append(TrialRecord record)
    {
        _json.Reset(_buffer);
        JsonSerializer.Serialize(_json, record, ResultsJsonContext.Default.TrialRecord);
        _json.Flush();
        _buffer.GetSpan(1)[0] = (byte)'\n';
        _buffer.Advance(1);
        _unsynced++;
        if (_buffer.WrittenCount >= BatchBytes || _lastWrite is not { } last || _time.GetElapsedTime(last) >= _options.WriteBatchWindow)
        {
            Flush();
        }

        if (_unsynced >= _options.FsyncEveryTrials || _time.GetElapsedTime(_lastSync) >= _options.FsyncInterval)
        {
            Sync();
        }
    }

    /// <summary>Hands the lines not yet written to the OS (they then survive a crash of this process).</summary>
    public void Flush()
    {
        if (_buffer.WrittenCount == 0)
        {
            return;
        }

        _stream.Write(_buffer.WrittenSpan);
        _buffer.ResetWrittenCount();
        _lastWrite = _time.GetTimestamp();
    }

    /// <summary>Writes and fsyncs: what was appended survives a power cut.</summary>
    public void Sync()
    {
        Flush();
        if (_unsynced == 0)
        {
            return;
        }

        _stream.Flush(flushToDisk: true);
        _unsynced = 0;
        _lastSync = _time.GetTimestamp();
    }

    public void Dispose()
    {
        Sync();
        _json.Dispose();
        _stream.Dispose();
    }
}
