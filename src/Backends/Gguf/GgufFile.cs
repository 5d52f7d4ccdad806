namespace Studies.Backends.Gguf;

/// <summary>One tensor's description from a GGUF header.</summary>
public sealed record GgufTensorInfo(string Name, IReadOnlyList<long> Dimensions, int Type, long Offset)
{
    public long ElementCount => Dimensions.Aggregate(1L, (a, d) => a * d);
}

/// <summary>The header of a GGUF file: metadata and tensor table, read without loading any weights.</summary>
public sealed record GgufFile(
    string Path,
    int Version,
    long FileSize,
    IReadOnlyDictionary<string, object> Metadata,
    IReadOnlyList<GgufTensorInfo> Tensors,
    long DataOffset)
{
    public string? GetString(string key) => Metadata.TryGetValue(key, out var v) ? v as string : null;

    public long? GetInteger(string key) => Metadata.TryGetValue(key, out var v) ? v switch
    {
        byte b => b, sbyte sb => sb, ushort us => us, short s => s, uint ui => ui, int i => i, ulong ul => (long)ul, long l => l,
        _ => null,
    } : null;

    /// <summary>Length of an array value (arrays are not kept in memory, only their length).</summary>
    public long? GetArrayLength(string key) => Metadata.TryGetValue(key, out var v) && v is GgufArray a ? a.Length : null;

    public string? Architecture => GetString("general.architecture");

    public string? Name => GetString("general.name");

    public int ContextLength => (int)(GetInteger($"{Architecture}.context_length") ?? 0);

    public string? ChatTemplate => GetString("tokenizer.chat_template");

    public long ParameterCount => Tensors.Sum(t => t.ElementCount);

    public int VocabularySize => (int)(GetArrayLength("tokenizer.ggml.tokens") ?? 0);

    /// <summary>The quantization: general.file_type, else the type of most weight elements (2-D tensors).</summary>
    public string? FileType => GetInteger("general.file_type") is { } ft
        ? GgmlTypes.FileTypeName((int)ft)
        : Tensors.Where(t => t.Dimensions.Count >= 2).GroupBy(t => t.Type).MaxBy(g => g.Sum(t => t.ElementCount)) is { } dominant
            ? GgmlTypes.TypeName(dominant.Key)
            : null;
}

/// <summary>An array value's element type and length.</summary>
public sealed record GgufArray(int ElementType, long Length);
