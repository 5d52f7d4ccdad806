namespace Studies.Backends.Gguf;

/// <summary>Block sizes of ggml tensor types (ggml.c's type_traits), enough to check that a file is not truncated.</summary>
internal static class GgmlTypes
{
    // type id -> (elements per block, bytes per block)
    private static readonly Dictionary<int, (int Block, int Bytes)> Sizes = new()
    {
        [0] = (1, 4), [1] = (1, 2), [2] = (32, 18), [3] = (32, 20), [6] = (32, 22), [7] = (32, 24), [8] = (32, 34),
        [9] = (32, 36), [10] = (256, 84), [11] = (256, 110), [12] = (256, 144), [13] = (256, 176), [14] = (256, 210),
        [15] = (256, 292), [24] = (1, 1), [25] = (1, 2), [26] = (1, 4), [27] = (1, 8), [28] = (1, 8), [30] = (1, 2),
    };

    /// <summary>Byte size of a tensor, or null for a type this table does not know.</summary>
    public static long? ByteSize(int type, long elements) =>
        Sizes.TryGetValue(type, out var s) ? elements / s.Block * s.Bytes : null;

    public static string TypeName(int type) => type switch
    {
        0 => "F32", 1 => "F16", 2 => "Q4_0", 3 => "Q4_1", 6 => "Q5_0", 7 => "Q5_1", 8 => "Q8_0", 10 => "Q2_K", 11 => "Q3_K",
        12 => "Q4_K", 13 => "Q5_K", 14 => "Q6_K", 30 => "BF16", _ => $"ggml type {type}",
    };

    public static string FileTypeName(int fileType) => fileType switch
    {
        0 => "F32", 1 => "F16", 2 => "Q4_0", 3 => "Q4_1", 7 => "Q8_0", 8 => "Q5_0", 9 => "Q5_1", 10 => "Q2_K",
        11 => "Q3_K_S", 12 => "Q3_K_M", 13 => "Q3_K_L", 14 => "Q4_K_S", 15 => "Q4_K_M", 16 => "Q5_K_S", 17 => "Q5_K_M",
        18 => "Q6_K", 32 => "BF16", _ => $"type {fileType}",
    };
}
