using System.Runtime.InteropServices;
using System.Text;
using Studies.Backends.Gguf;
using Studies.Backends.Local.Native;

namespace Studies.Backends.Local;

/// <summary>
/// A GGUF loaded into llama.cpp: the weights, the vocabulary (tokenize, token pieces, what it cannot encode) and the
/// chat template. Thread-safe: contexts are separate (<see cref="LlamaSession"/>).
/// </summary>
internal sealed unsafe class LlamaModel : IDisposable
{
    private readonly byte[][] _pieces;
    private readonly string?[] _pieceTexts; // decoded on first use: no string is built per generated token
    private readonly VocabularyGuard _guard;

    private LlamaModel(SafeLlamaModelHandle handle, GgufFile gguf, string? chatTemplate)
    {
        Handle = handle;
        Gguf = gguf;
        Vocab = LlamaNative.llama_model_get_vocab(handle);
        VocabSize = LlamaNative.llama_vocab_n_tokens(Vocab);
        TrainedContext = LlamaNative.llama_model_n_ctx_train(handle);
        AddBos = LlamaNative.llama_vocab_get_add_bos(Vocab);
        _pieces = new byte[VocabSize][];
        _pieceTexts = new string?[VocabSize];
        for (int t = 0; t < VocabSize; t++)
        {
            _pieces[t] = ReadPiece(t);
        }

        _guard = VocabularyGuard.Create(Vocab, VocabSize);
        ChatTemplate = chatTemplate ?? Marshal.PtrToStringUTF8(LlamaNative.llama_model_chat_template(handle, nint.Zero));
    }

    public SafeLlamaModelHandle Handle { get; }

    public GgufFile Gguf { get; }

    public nint Vocab { get; }

    public int VocabSize { get; }

    public int TrainedContext { get; }

    public bool AddBos { get; }

    public string? ChatTemplate { get; }

    public static LlamaModel Load(string path, string? chatTemplate)
    {
        var gguf = GgufReader.Read(path);
        LlamaRuntime.EnsureInitialized();
        var parameters = LlamaNative.llama_model_default_params();
        parameters.NGpuLayers = 0;
        _ = LlamaRuntime.TakeRecentProblems();
        nint model = LlamaNative.llama_model_load_from_file(path, parameters);
        if (model == nint.Zero)
        {
            string why = LlamaRuntime.TakeRecentProblems();
            throw new ModelFileException(path, $"llama.cpp could not load this model{(why.Length > 0 ? $": {why}" : "")}. The file may be corrupt or of an architecture this llama.cpp build does not support.");
        }

        return new LlamaModel(new SafeLlamaModelHandle(model), gguf, chatTemplate);
    }

    public ReadOnlySpan<byte> Piece(int token) => (uint)token < (uint)_pieces.Length ? _pieces[token] : [];

    // A race only decodes the same piece twice; strings are immutable, so readers on other threads are safe.
    public string PieceText(int token) =>
        (uint)token < (uint)_pieceTexts.Length ? _pieceTexts[token] ??= Encoding.UTF8.GetString(_pieces[token]) : "";

    /// <summary>Bytes of KV cache one token occupies: keys and values of every layer.</summary>
    public long KvBytesPerToken(bool f16)
    {
        int layers = LlamaNative.llama_model_n_layer(Handle);
        int heads = Math.Max(1, LlamaNative.llama_model_n_head(Handle));
        long kvWidth = (long)LlamaNative.llama_model_n_embd(Handle) / heads * LlamaNative.llama_model_n_head_kv(Handle);
        return layers * 2 * kvWidth * (f16 ? 2 : 4);
    }

    public bool IsEndOfGeneration(int token) => LlamaNative.llama_vocab_is_eog(Vocab, token);

    public IReadOnlyList<string> FindUnencodable(string text) => _guard.FindUnencodable(text);

    /// <summary>Tokenizes text; refuses, with the characters named, text that would make llama.cpp abort.</summary>
    public int[] Tokenize(string text, bool addSpecial)
    {
        var bad = _guard.FindUnencodable(text);
        if (bad.Count > 0)
        {
            throw new UnencodableTextException(Gguf.Name ?? Path.GetFileName(Gguf.Path), bad, text);
        }

        byte[] utf8 = Encoding.UTF8.GetBytes(text);
        int capacity = utf8.Length + 8;
        while (true)
        {
            int[] tokens = new int[capacity];
            int n;
            fixed (byte* p = utf8)
            fixed (int* t = tokens)
            {
                n = LlamaNative.llama_tokenize(Vocab, p, utf8.Length, t, capacity, addSpecial, parseSpecial: false);
            }

            if (n >= 0)
            {
                return n == capacity ? tokens : tokens[..n];
            }

            if (n == int.MinValue)
            {
                throw new ModelBackendException("The text is too long to tokenize.");
            }

            capacity = -n;
        }
    }

    public string Detokenize(ReadOnlySpan<int> tokens)
    {
        var bytes = new List<byte>();
        foreach (int t in tokens)
        {
            bytes.AddRange(Piece(t));
        }

        return Encoding.UTF8.GetString(CollectionsMarshal.AsSpan(bytes));
    }

    /// <summary>Renders chat messages with the model's template (or the configured one) via llama_chat_apply_template.</summary>
    public string ApplyChatTemplate(IReadOnlyList<ChatMessage> messages, bool addAssistantPrefix)
    {
        if (string.IsNullOrEmpty(ChatTemplate))
        {
            throw new CapabilityException($"Model {Gguf.Name ?? Gguf.Path} has no chat template in its GGUF file: name one in the model's YAML entry (chat_template: chatml) or give it raw prompts (role: base).");
        }

        var pinned = new List<GCHandle>();
        try
        {
            var native = new LlamaChatMessage[messages.Count];
            for (int i = 0; i < messages.Count; i++)
            {
                native[i] = new LlamaChatMessage { Role = Pin(messages[i].Role), Content = Pin(messages[i].Content) };
            }

            nint template = Pin(ChatTemplate);
            int length = messages.Sum(m => Encoding.UTF8.GetByteCount(m.Content) + 64) * 2;
            while (true)
            {
                byte[] buffer = new byte[length];
                int n;
                fixed (LlamaChatMessage* m = native)
                fixed (byte* b = buffer)
                {
                    n = LlamaNative.llama_chat_apply_template((byte*)template, m, (nuint)native.Length, addAssistantPrefix, b, length);
                }

                if (n < 0)
                {
                    throw new CapabilityException($"llama.cpp does not support the chat template of {Gguf.Name ?? Gguf.Path}: name a built-in template (for example chat_template: chatml) in the model's YAML entry.");
                }

                if (n <= length)
                {
                    return Encoding.UTF8.GetString(buffer, 0, n);
                }

                length = n;
            }
        }
        finally
        {
            foreach (var h in pinned)
            {
                h.Free();
            }
        }

        nint Pin(string s)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(s + "\0");
            var h = GCHandle.Alloc(bytes, GCHandleType.Pinned);
            pinned.Add(h);
            return h.AddrOfPinnedObject();
        }
    }

    public void Dispose() => Handle.Dispose();

    private byte[] ReadPiece(int token)
    {
        Span<byte> buffer = stackalloc byte[256];
        fixed (byte* b = buffer)
        {
            int n = LlamaNative.llama_token_to_piece(Vocab, token, b, buffer.Length, 0, special: false);
            return n > 0 ? buffer[..n].ToArray() : [];
        }
    }
}
