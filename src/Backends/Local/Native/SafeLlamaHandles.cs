using System.Runtime.InteropServices;

namespace Studies.Backends.Local.Native;

/// <summary>Owns a llama_model*; freed once, even if a caller forgets to dispose.</summary>
internal sealed class SafeLlamaModelHandle : SafeHandle
{
    public SafeLlamaModelHandle() : base(nint.Zero, ownsHandle: true)
    {
    }

    public SafeLlamaModelHandle(nint handle) : this() => SetHandle(handle);

    public override bool IsInvalid => handle == nint.Zero;

    protected override bool ReleaseHandle()
    {
        LlamaNative.llama_model_free(handle);
        return true;
    }
}

/// <summary>Owns a llama_context*.</summary>
internal sealed class SafeLlamaContextHandle : SafeHandle
{
    public SafeLlamaContextHandle() : base(nint.Zero, ownsHandle: true)
    {
    }

    public SafeLlamaContextHandle(nint handle) : this() => SetHandle(handle);

    public override bool IsInvalid => handle == nint.Zero;

    protected override bool ReleaseHandle()
    {
        LlamaNative.llama_free(handle);
        return true;
    }
}

/// <summary>Owns a llama_sampler* (a chain frees the samplers added to it).</summary>
internal sealed class SafeLlamaSamplerHandle : SafeHandle
{
    public SafeLlamaSamplerHandle() : base(nint.Zero, ownsHandle: true)
    {
    }

    public SafeLlamaSamplerHandle(nint handle) : this() => SetHandle(handle);

    public override bool IsInvalid => handle == nint.Zero;

    protected override bool ReleaseHandle()
    {
        LlamaNative.llama_sampler_free(handle);
        return true;
    }
}

/// <summary>
/// Owns a llama_batch allocated by llama_batch_init. The struct itself lives in native memory so the handle can
/// carry it; <see cref="Batch"/> is a pointer to it for filling in place.
/// </summary>
internal sealed unsafe class SafeLlamaBatchHandle : SafeHandle
{
    public SafeLlamaBatchHandle(int capacity, int maxSequences) : base(nint.Zero, ownsHandle: true)
    {
        var batch = (LlamaBatch*)NativeMemory.Alloc((nuint)sizeof(LlamaBatch));
        *batch = LlamaNative.llama_batch_init(capacity, 0, maxSequences);
        SetHandle((nint)batch);
        Capacity = capacity;
    }

    public int Capacity { get; }

    public LlamaBatch* Batch => (LlamaBatch*)handle;

    public override bool IsInvalid => handle == nint.Zero;

    protected override bool ReleaseHandle()
    {
        var batch = (LlamaBatch*)handle;
        LlamaNative.llama_batch_free(*batch);
        NativeMemory.Free(batch);
        return true;
    }
}
