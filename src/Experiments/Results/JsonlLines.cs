using System.Buffers;

namespace Studies.Experiments.Results;

/// <summary>Receives one line of a JSON Lines file: its byte offset, its bytes (no newline) and whether a newline ended it.</summary>
internal delegate void JsonlLineHandler(long offset, ReadOnlySpan<byte> line, bool terminated);

/// <summary>
/// Reads a JSON Lines file as raw UTF-8 lines with their offsets: no decoding to strings, one pooled buffer that grows
/// only for a line longer than it. Resuming a run and compacting its log read every line, so this is their hot path.
/// </summary>
internal static class JsonlLines
{
    private const int InitialBuffer = 1 << 20;

    /// <summary>Calls <paramref name="handler"/> for every line from the stream's position to <paramref name="end"/> (default: its length).</summary>
    public static void Read(Stream stream, JsonlLineHandler handler, long end = -1)
    {
        long remaining = end < 0 ? stream.Length - stream.Position : end - stream.Position;
        byte[] buffer = ArrayPool<byte>.Shared.Rent(InitialBuffer);
        try
        {
            long offset = stream.Position; // file offset of buffer[0]
            int filled = 0;
            while (true)
            {
                if (filled == buffer.Length)
                {
                    byte[] larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, filled).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                int read = remaining > 0 ? stream.Read(buffer, filled, (int)Math.Min(buffer.Length - filled, remaining)) : 0;
                remaining -= read;
                if (read == 0)
                {
                    if (filled > 0)
                    {
                        handler(offset, buffer.AsSpan(0, filled), terminated: false);
                    }

                    return;
                }

                filled += read;
                int start = 0;
                while (true)
                {
                    int newline = buffer.AsSpan(start, filled - start).IndexOf((byte)'\n');
                    if (newline < 0)
                    {
                        break;
                    }

                    handler(offset + start, buffer.AsSpan(start, newline), terminated: true);
                    start += newline + 1;
                }

                buffer.AsSpan(start, filled - start).CopyTo(buffer);
                filled -= start;
                offset += start;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
