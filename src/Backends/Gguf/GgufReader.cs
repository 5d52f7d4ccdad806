using System.Text;

namespace Studies.Backends.Gguf;

/// <summary>
/// Reads and checks a GGUF header in managed code before llama.cpp sees the file, so a missing, foreign, corrupt or
/// truncated file is one clear <see cref="ModelFileException"/> rather than a native abort.
/// </summary>
public static class GgufReader
{
    private const uint Magic = 0x46554747; // "GGUF" little-endian
    private const int DefaultAlignment = 32;

    public static GgufFile Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new ModelFileException(path, "file not found. Check the path, or list known models with './studies models list'.");
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            return Read(path, stream);
        }
        catch (EndOfStreamException)
        {
            throw new ModelFileException(path, "the GGUF header is truncated (the file ends inside its metadata): the download or copy is incomplete; fetch the file again.");
        }
        catch (IOException e)
        {
            throw new ModelFileException(path, $"cannot be read: {e.Message}");
        }
    }

    private static GgufFile Read(string path, FileStream stream)
    {
        long fileSize = stream.Length;
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        if (fileSize < 24 || reader.ReadUInt32() != Magic)
        {
            throw new ModelFileException(path, "not a GGUF file (it does not start with the 'GGUF' magic). Studies loads llama.cpp GGUF models; convert the model with llama.cpp's convert_hf_to_gguf.py.");
        }

        int version = (int)reader.ReadUInt32();
        if (version is < 2 or > 3)
        {
            throw new ModelFileException(path, $"unsupported GGUF version {version} (supported: 2 and 3).");
        }

        long tensorCount = checked((long)reader.ReadUInt64());
        long kvCount = checked((long)reader.ReadUInt64());
        // Each entry takes at least a few bytes, so counts beyond the file size mean a corrupt header.
        if (tensorCount > fileSize / 8 || kvCount > fileSize / 8)
        {
            throw Corrupt(path, $"the header claims {tensorCount} tensors and {kvCount} metadata entries");
        }

        var metadata = new Dictionary<string, object>(StringComparer.Ordinal);
        for (long i = 0; i < kvCount; i++)
        {
            string key = ReadString(reader, path, fileSize);
            int type = (int)reader.ReadUInt32();
            metadata[key] = ReadValue(reader, type, path, fileSize);
        }

        var tensors = new List<GgufTensorInfo>((int)tensorCount);
        for (long i = 0; i < tensorCount; i++)
        {
            string name = ReadString(reader, path, fileSize);
            int dims = (int)reader.ReadUInt32();
            if (dims is < 0 or > 8)
            {
                throw Corrupt(path, $"tensor '{name}' has {dims} dimensions");
            }

            var shape = new long[dims];
            for (int d = 0; d < dims; d++)
            {
                shape[d] = checked((long)reader.ReadUInt64());
            }

            tensors.Add(new GgufTensorInfo(name, shape, (int)reader.ReadUInt32(), checked((long)reader.ReadUInt64())));
        }

        long alignment = metadata.TryGetValue("general.alignment", out var a) && a is uint ua && ua > 0 ? ua : DefaultAlignment;
        long dataOffset = (stream.Position + alignment - 1) / alignment * alignment;
        CheckTensorData(path, fileSize, dataOffset, tensors);
        return new GgufFile(path, version, fileSize, metadata, tensors, dataOffset);
    }

    private static void CheckTensorData(string path, long fileSize, long dataOffset, List<GgufTensorInfo> tensors)
    {
        foreach (var t in tensors)
        {
            long size = GgmlTypes.ByteSize(t.Type, t.ElementCount) ?? 0;
            if (t.Offset < 0 || dataOffset + t.Offset + size > fileSize)
            {
                throw new ModelFileException(path, $"the file is truncated: tensor '{t.Name}' ends at byte {dataOffset + t.Offset + size} but the file has {fileSize} bytes. Fetch the file again.");
            }
        }
    }

    private static object ReadValue(BinaryReader r, int type, string path, long fileSize) => type switch
    {
        0 => r.ReadByte(),
        1 => r.ReadSByte(),
        2 => r.ReadUInt16(),
        3 => r.ReadInt16(),
        4 => r.ReadUInt32(),
        5 => r.ReadInt32(),
        6 => r.ReadSingle(),
        7 => r.ReadByte() != 0,
        8 => ReadString(r, path, fileSize),
        9 => ReadArray(r, path, fileSize),
        10 => r.ReadUInt64(),
        11 => r.ReadInt64(),
        12 => r.ReadDouble(),
        _ => throw Corrupt(path, $"unknown metadata value type {type}"),
    };

    private static GgufArray ReadArray(BinaryReader r, string path, long fileSize)
    {
        int elementType = (int)r.ReadUInt32();
        long length = checked((long)r.ReadUInt64());
        if (length > fileSize)
        {
            throw Corrupt(path, $"an array claims {length} elements");
        }

        // Arrays (the vocabulary, merges) are skipped, not kept: only scalars are needed here.
        for (long i = 0; i < length; i++)
        {
            _ = ReadValue(r, elementType, path, fileSize);
        }

        return new GgufArray(elementType, length);
    }

    private static string ReadString(BinaryReader r, string path, long fileSize)
    {
        ulong length = r.ReadUInt64();
        if (length > (ulong)(fileSize - r.BaseStream.Position))
        {
            throw Corrupt(path, $"a string claims {length} bytes");
        }

        return Encoding.UTF8.GetString(r.ReadBytes((int)length));
    }

    private static ModelFileException Corrupt(string path, string detail) =>
        new(path, $"corrupt or truncated GGUF header ({detail}). Fetch the file again.");
}
