using System.Runtime.InteropServices;

namespace Studies.Backends.Local.Native;

/// <summary>llama.cpp's C API (include/llama.h), the subset Studies uses, as source-generated P/Invoke.</summary>
internal static unsafe partial class LlamaNative
{
    public const string Llama = "llama";
    public const string Ggml = "ggml";
    public const string GgmlBase = "ggml-base";

    [LibraryImport(Llama)]
    public static partial nint llama_version();

    [LibraryImport(Llama)]
    public static partial nint llama_print_system_info();

    [LibraryImport(Llama)]
    public static partial void llama_backend_init();

    [LibraryImport(Ggml, StringMarshalling = StringMarshalling.Utf8)]
    public static partial void ggml_backend_load_all_from_path(string dirPath);

    [LibraryImport(Llama)]
    public static partial void llama_log_set(delegate* unmanaged[Cdecl]<int, nint, nint, void> callback, nint userData);

    [LibraryImport(Ggml)]
    public static partial void ggml_log_set(delegate* unmanaged[Cdecl]<int, nint, nint, void> callback, nint userData);

    [LibraryImport(Llama)]
    public static partial LlamaModelParams llama_model_default_params();

    [LibraryImport(Llama)]
    public static partial LlamaContextParams llama_context_default_params();

    [LibraryImport(Llama)]
    public static partial LlamaSamplerChainParams llama_sampler_chain_default_params();

    [LibraryImport(Llama, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint llama_model_load_from_file(string path, LlamaModelParams parameters);

    [LibraryImport(Llama)]
    public static partial void llama_model_free(nint model);

    [LibraryImport(Llama)]
    public static partial nint llama_init_from_model(SafeLlamaModelHandle model, LlamaContextParams parameters);

    [LibraryImport(Llama)]
    public static partial void llama_free(nint context);

    [LibraryImport(Llama)]
    public static partial uint llama_n_ctx(SafeLlamaContextHandle context);

    [LibraryImport(Llama)]
    public static partial uint llama_n_batch(SafeLlamaContextHandle context);

    [LibraryImport(Llama)]
    public static partial uint llama_n_seq_max(SafeLlamaContextHandle context);

    [LibraryImport(Llama)]
    public static partial nint llama_get_memory(SafeLlamaContextHandle context);

    [LibraryImport(Llama)]
    public static partial nint llama_model_get_vocab(SafeLlamaModelHandle model);

    [LibraryImport(Llama)]
    public static partial int llama_model_n_ctx_train(SafeLlamaModelHandle model);

    [LibraryImport(Llama)]
    public static partial int llama_model_n_embd(SafeLlamaModelHandle model);

    [LibraryImport(Llama)]
    public static partial int llama_model_n_layer(SafeLlamaModelHandle model);

    [LibraryImport(Llama)]
    public static partial int llama_model_n_head(SafeLlamaModelHandle model);

    [LibraryImport(Llama)]
    public static partial int llama_model_n_head_kv(SafeLlamaModelHandle model);

    [LibraryImport(Llama)]
    public static partial ulong llama_model_n_params(SafeLlamaModelHandle model);

    [LibraryImport(Llama)]
    public static partial ulong llama_model_size(SafeLlamaModelHandle model);

    [LibraryImport(Llama)]
    public static partial int llama_model_desc(SafeLlamaModelHandle model, byte* buffer, nuint size);

    [LibraryImport(Llama, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int llama_model_meta_val_str(SafeLlamaModelHandle model, string key, byte* buffer, nuint size);

    [LibraryImport(Llama)]
    public static partial nint llama_model_chat_template(SafeLlamaModelHandle model, nint name);

    [LibraryImport(Llama)]
    public static partial int llama_vocab_type(nint vocab);

    [LibraryImport(Llama)]
    public static partial int llama_vocab_n_tokens(nint vocab);

    [LibraryImport(Llama)]
    public static partial nint llama_vocab_get_text(nint vocab, int token);

    [LibraryImport(Llama)]
    public static partial int llama_vocab_get_attr(nint vocab, int token);

    [LibraryImport(Llama)]
    [return: MarshalAs(UnmanagedType.U1)]
    public static partial bool llama_vocab_is_eog(nint vocab, int token);

    [LibraryImport(Llama)]
    public static partial int llama_vocab_bos(nint vocab);

    [LibraryImport(Llama)]
    [return: MarshalAs(UnmanagedType.U1)]
    public static partial bool llama_vocab_get_add_bos(nint vocab);

    [LibraryImport(Llama)]
    public static partial int llama_tokenize(
        nint vocab, byte* text, int textLength, int* tokens, int maxTokens,
        [MarshalAs(UnmanagedType.U1)] bool addSpecial, [MarshalAs(UnmanagedType.U1)] bool parseSpecial);

    [LibraryImport(Llama)]
    public static partial int llama_token_to_piece(
        nint vocab, int token, byte* buffer, int length, int lstrip, [MarshalAs(UnmanagedType.U1)] bool special);

    [LibraryImport(Llama)]
    public static partial int llama_chat_apply_template(
        byte* template, LlamaChatMessage* messages, nuint count, [MarshalAs(UnmanagedType.U1)] bool addAssistant,
        byte* buffer, int length);

    [LibraryImport(Llama)]
    public static partial LlamaBatch llama_batch_init(int maxTokens, int embd, int maxSequences);

    [LibraryImport(Llama)]
    public static partial void llama_batch_free(LlamaBatch batch);

    [LibraryImport(Llama)]
    public static partial int llama_decode(SafeLlamaContextHandle context, LlamaBatch batch);

    [LibraryImport(Llama)]
    public static partial float* llama_get_logits_ith(SafeLlamaContextHandle context, int index);

    [LibraryImport(Llama)]
    public static partial void llama_attach_threadpool(SafeLlamaContextHandle context, nint threadpool, nint threadpoolBatch);

    [LibraryImport(Ggml)]
    public static partial nint ggml_backend_dev_by_type(int type);

    [LibraryImport(GgmlBase)]
    public static partial nint ggml_backend_dev_backend_reg(nint device);

    [LibraryImport(GgmlBase, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint ggml_backend_reg_get_proc_address(nint registry, string name);

    [LibraryImport(GgmlBase)]
    public static partial void ggml_threadpool_params_init(GgmlThreadpoolParams* parameters, int threads);

    [LibraryImport(Llama)]
    public static partial void llama_set_n_threads(SafeLlamaContextHandle context, int threads, int threadsBatch);

    [LibraryImport(Llama)]
    public static partial void llama_memory_clear(nint memory, [MarshalAs(UnmanagedType.U1)] bool data);

    [LibraryImport(Llama)]
    [return: MarshalAs(UnmanagedType.U1)]
    public static partial bool llama_memory_seq_rm(nint memory, int seqId, int p0, int p1);

    [LibraryImport(Llama)]
    public static partial void llama_memory_seq_cp(nint memory, int source, int destination, int p0, int p1);

    [LibraryImport(Llama)]
    public static partial int llama_memory_seq_pos_max(nint memory, int seqId);

    [LibraryImport(Llama)]
    public static partial nint llama_sampler_chain_init(LlamaSamplerChainParams parameters);

    [LibraryImport(Llama)]
    public static partial void llama_sampler_chain_add(SafeLlamaSamplerHandle chain, nint sampler);

    [LibraryImport(Llama)]
    public static partial nint llama_sampler_init_greedy();

    [LibraryImport(Llama)]
    public static partial nint llama_sampler_init_dist(uint seed);

    [LibraryImport(Llama)]
    public static partial nint llama_sampler_init_top_k(int k);

    [LibraryImport(Llama)]
    public static partial nint llama_sampler_init_top_p(float p, nuint minKeep);

    [LibraryImport(Llama)]
    public static partial nint llama_sampler_init_min_p(float p, nuint minKeep);

    [LibraryImport(Llama)]
    public static partial nint llama_sampler_init_temp(float t);

    [LibraryImport(Llama)]
    public static partial int llama_sampler_sample(SafeLlamaSamplerHandle sampler, SafeLlamaContextHandle context, int index);

    [LibraryImport(Llama)]
    public static partial void llama_sampler_free(nint sampler);
}
