using System.Runtime.CompilerServices;
using Studies.Backends.Local;
using Studies.Backends.Local.Native;

namespace Studies.Backends.Tests;

/// <summary>
/// The structs passed by value to llama.cpp must match include/llama.h of the pinned release byte for byte; a
/// mismatch corrupts every call silently. Sizes and defaults were read from the C header with a C compiler.
/// </summary>
public sealed class NativeLayoutTests
{
    public NativeLayoutTests() => _ = LocalLanguageModel.RuntimeVersion; // loads the library

    [Fact]
    public void StructSizesMatchTheHeader()
    {
        Assert.Equal(80, Unsafe.SizeOf<LlamaModelParams>());
        Assert.Equal(160, Unsafe.SizeOf<LlamaContextParams>());
        Assert.Equal(56, Unsafe.SizeOf<LlamaBatch>());
        Assert.Equal(16, Unsafe.SizeOf<LlamaChatMessage>());
    }

    [Fact]
    public void ContextDefaultsReadBackAsInTheHeader()
    {
        var p = LlamaNative.llama_context_default_params();
        Assert.Equal(512u, p.NCtx);
        Assert.Equal(2048u, p.NBatch);
        Assert.Equal(512u, p.NUbatch);
        Assert.Equal(1u, p.NSeqMax);
        Assert.Equal(0u, p.NRsSeq);
        Assert.Equal(-1, p.RopeScalingType);
        Assert.Equal(-1, p.PoolingType);
        Assert.Equal(-1, p.FlashAttnType);
        Assert.Equal(-1f, p.YarnAttnFactor);
        Assert.Equal(1, p.TypeK); // GGML_TYPE_F16
        Assert.Equal(1, p.TypeV);
        Assert.Equal(0, p.Embeddings);
        Assert.Equal(1, p.OffloadKqv);
        Assert.Equal(1, p.SwaFull);
        Assert.Equal(0, p.KvUnified);
        Assert.Equal(nint.Zero, p.Samplers);
        Assert.Equal(nint.Zero, p.ContextOther);
    }

    [Fact]
    public void ModelDefaultsReadBackAsInTheHeader()
    {
        var p = LlamaNative.llama_model_default_params();
        Assert.Equal(-1, p.NGpuLayers);
        Assert.Equal(1, p.SplitMode);
        Assert.Equal(-1, p.LoadMode);
        Assert.Equal(1, p.LazyMode);
        Assert.Equal(0, p.MainGpu);
        Assert.Equal(0, p.VocabOnly);
        Assert.Equal(1, p.UseExtraBufts);
        Assert.Equal(0, p.LoadMtp);
    }

    [Fact]
    public void RuntimeVersionNamesTheReleaseAndThePin()
    {
        Assert.Contains("llama.cpp 0.5.0", LocalLanguageModel.RuntimeVersion);
        Assert.Contains("@3.22.1", LocalLanguageModel.RuntimeVersion);
    }
}
