using System.Buffers;
using System.Text.Json;

namespace Studies.Experiments.Results;

/// <summary>
/// Appends trial records to trials.jsonl. Each record is serialized into a reused buffer and written with a single
/// unbuffered write (so it reaches the OS whole, surviving a process crash); fsync is batched (see
/// <see cref="ResultsOptions"/>). Not thread-safe: the scheduler has one writer loop.
/// </summary>
internal sealed class TrialLogWriter : IDisposable
{
    private readonly FileStream _stream;
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private readonly Utf8JsonWriter _json;
    private readonly ResultsOptions _options;
    private readonly TimeProvider _time;
    private long _lastSync;
    private int _unsynced;

    public TrialLogWriter(string path, ResultsOptions options, TimeProvider time)
    {
        _options = options;
        _time = time;
        // bufferSize 0: no managed buffer, every Write is one write(2) of a whole line.
        _stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read, bufferSize: 0);
        _json = new Utf8JsonWriter(_buffer, new JsonWriterOptions { SkipValidation = true });
        _lastSync = time.GetTimestamp();
    }

    public void Append(TrialRecord record)
    {
        _buffer.ResetWrittenCount();
        _json.Reset(_buffer);
        JsonSerializer.Serialize(_json, record, ResultsJsonContext.Default.TrialRecord);
        _json.Flush();
        _buffer.GetSpan(1)[0] = (byte)'\n';
        _buffer.Advance(1);
        _stream.Write(_buffer.WrittenSpan);
        _unsynced++;
        if (_unsynced >= _options.FsyncEveryTrials || _time.GetElapsedTime(_lastSync) >= _options.FsyncInterval)
        {
            Sync();
        }
    }

    /// <summary>fsync: what was written survives a power cut.</summary>
    public void Sync()
    {
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
