using System.Buffers;

namespace Studies.Experiments.Results;

/// <summary>
/// Rewrites trials.jsonl with the newest line of each key, in plan order (then keys the plan lacks, by first
/// appearance), so interrupted-and-resumed and uninterrupted runs leave identical files. Lines are copied as bytes
/// (never re-serialized or decoded); a file already in that form is left untouched, so resuming a finished run
/// rewrites nothing. The new file replaces the old one by rename after an fsync: a crash leaves one or the other.
/// </summary>
internal static class TrialLogCompaction
{
    /// <summary>Compacts <paramref name="path"/>; returns the number of keys written, or null when it was already compact.</summary>
    public static int? Compact(string path, IReadOnlyList<string> order)
    {
        var latest = new Dictionary<string, (long Offset, int Length)>(order.Count, StringComparer.Ordinal);
        var appearance = new List<string>(order.Count);
        bool repeated = false;
        using (var source = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0))
        {
            JsonlLines.Read(source, (offset, line, terminated) =>
            {
                if (!terminated || line.IsEmpty || TrialLog.KeyOf(line) is not { } key)
                {
                    return;
                }

                if (latest.ContainsKey(key))
                {
                    repeated = true;
                }
                else
                {
                    appearance.Add(key);
                }

                latest[key] = (offset, line.Length);
            });
        }

        var target = new List<string>(latest.Count);
        var placed = new HashSet<string>(latest.Count, StringComparer.Ordinal);
        foreach (string key in order.Concat(appearance))
        {
            if (latest.ContainsKey(key) && placed.Add(key))
            {
                target.Add(key);
            }
        }

        if (!repeated && target.SequenceEqual(appearance, StringComparer.Ordinal))
        {
            return null;
        }

        string tmp = path + ".tmp";
        using (var source = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read))
        using (var output = new FileStream(tmp, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1 << 20))
        {
            byte[] line = ArrayPool<byte>.Shared.Rent(64 * 1024);
            try
            {
                foreach (string key in target)
                {
                    var (offset, length) = latest[key];
                    if (line.Length < length + 1)
                    {
                        ArrayPool<byte>.Shared.Return(line);
                        line = ArrayPool<byte>.Shared.Rent(length + 1);
                    }

                    if (RandomAccess.Read(source, line.AsSpan(0, length), offset) != length)
                    {
                        throw new IOException($"{path} changed while it was being compacted.");
                    }

                    line[length] = (byte)'\n';
                    output.Write(line, 0, length + 1);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(line);
            }

            output.Flush(flushToDisk: true);
        }

        File.Move(tmp, path, overwrite: true);
        return target.Count;
    }
}
