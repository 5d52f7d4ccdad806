using System.Runtime.InteropServices;

namespace Studies.Backends.Local.Native;

// Laid out exactly as include/llama.h of the pinned release (x86-64: sizes 80 and 160 bytes, checked by a test).
// C bools are bytes here so the structs stay blittable for LibraryImport.

[StructLayout(LayoutKind.Sequential)]
internal struct LlamaModelParams
{
    public nint Devices;
    public nint TensorBuftOverrides;
    public int NGpuLayers;
    public int SplitMode;
    public int LoadMode;
    public int LazyMode;
    public int MainGpu;
    public nint TensorSplit;
    public nint ProgressCallback;
    public nint ProgressCallbackUserData;
    public nint KvOverrides;
    public byte VocabOnly;
    public byte CheckTensors;
    public byte UseExtraBufts;
    public byte NoHost;
    public byte NoAlloc;
    public byte LoadMtp;
}

[StructLayout(LayoutKind.Sequential)]
internal struct LlamaContextParams
{
    public uint NCtx;
    public uint NBatch;
    public uint NUbatch;
    public uint NSeqMax;
    public uint NRsSeq;
    public uint NOutputsMax;
    public uint NOutputsMaxPerSeq;
    public int NThreads;
    public int NThreadsBatch;
    public int ContextType;
    public int RopeScalingType;
    public int PoolingType;
    public int AttentionType;
    public int FlashAttnType;
    public float RopeFreqBase;
    public float RopeFreqScale;
    public float YarnExtFactor;
    public float YarnAttnFactor;
    public float YarnBetaFast;
    public float YarnBetaSlow;
    public uint YarnOrigCtx;
    public float DefragThreshold;
    public nint CbEval;
    public nint CbEvalUserData;
    public int TypeK;
    public int TypeV;
    public nint AbortCallback;
    public nint AbortCallbackData;
    public byte Embeddings;
    public byte OffloadKqv;
    public byte NoPerf;
    public byte OpOffload;
    public byte SwaFull;
    public byte KvUnified;
    public nint Samplers;
    public nuint NSamplers;
    public nint ContextOther;
}

[StructLayout(LayoutKind.Sequential)]
internal unsafe struct LlamaBatch
{
    public int NTokens;
    public int* Token;
    public float* Embd;
    public int* Pos;
    public int* NSeqId;
    public int** SeqId;
    public sbyte* Logits;
}

[StructLayout(LayoutKind.Sequential)]
internal struct LlamaChatMessage
{
    public nint Role;
    public nint Content;
}

[StructLayout(LayoutKind.Sequential)]
internal struct LlamaSamplerChainParams
{
    public byte NoPerf;
}

/// <summary>struct ggml_threadpool_params (ggml.h): 528 bytes, filled by ggml_threadpool_params_init.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct GgmlThreadpoolParams
{
    public fixed byte CpuMask[512];
    public int Threads;
    public int Priority;
    public uint Poll;
    public byte StrictCpu;
    public byte Paused;
}
