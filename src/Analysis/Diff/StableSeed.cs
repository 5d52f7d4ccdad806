using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Studies.Analysis.Diff;

/// <summary>A bootstrap seed derived from a base seed and names (the same on every machine and in every process).</summary>
internal static class StableSeed
{
    public static ulong Derive(ulong seed, params string[] names)
    {
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', names)));
        return seed ^ BinaryPrimitives.ReadUInt64LittleEndian(hash);
    }
}
