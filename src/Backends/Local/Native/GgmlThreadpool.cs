using System.Runtime.InteropServices;

namespace Studies.Backends.Local.Native;

/// <summary>
/// A persistent ggml CPU threadpool attached to llama contexts. Without one, ggml creates (and for more than one thread
/// starts and joins) a throwaway pool on every llama_decode, which is what makes several threads slower than one for
/// tiny models. llama-bench attaches one the same way, so the comparison with it is like for like.
/// </summary>
internal sealed unsafe class GgmlThreadpool : SafeHandle
{
    private const int CpuDeviceType = 0; // GGML_BACKEND_DEVICE_TYPE_CPU

    // The CPU backend is a dynamically loaded variant (libggml-cpu-haswell.so, ...): its functions are reached through
    // the backend registry, as llama-bench does.
    private static readonly Lazy<(nint New, nint Free)> Functions = new(Resolve);

    private GgmlThreadpool() : base(nint.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == nint.Zero;

    public static GgmlThreadpool Create(int threads)
    {
        var (create, _) = Functions.Value;
        GgmlThreadpoolParams p;
        LlamaNative.ggml_threadpool_params_init(&p, threads);
        nint pool = ((delegate* unmanaged[Cdecl]<GgmlThreadpoolParams*, nint>)create)(&p);
        if (pool == nint.Zero)
        {
            throw new ModelBackendException($"ggml could not create a threadpool of {threads} threads: {LlamaRuntime.TakeRecentProblems()}");
        }

        var result = new GgmlThreadpool();
        result.SetHandle(pool);
        return result;
    }

    protected override bool ReleaseHandle()
    {
        ((delegate* unmanaged[Cdecl]<nint, void>)Functions.Value.Free)(handle);
        return true;
    }

    private static (nint New, nint Free) Resolve()
    {
        nint device = LlamaNative.ggml_backend_dev_by_type(CpuDeviceType);
        nint registry = device == nint.Zero ? nint.Zero : LlamaNative.ggml_backend_dev_backend_reg(device);
        nint create = registry == nint.Zero ? nint.Zero : LlamaNative.ggml_backend_reg_get_proc_address(registry, "ggml_threadpool_new");
        nint free = registry == nint.Zero ? nint.Zero : LlamaNative.ggml_backend_reg_get_proc_address(registry, "ggml_threadpool_free");
        if (create == nint.Zero || free == nint.Zero)
        {
            throw new ModelBackendException("llama.cpp's CPU backend does not export ggml_threadpool_new: the native libraries are incomplete or of another version.");
        }

        return (create, free);
    }
}
