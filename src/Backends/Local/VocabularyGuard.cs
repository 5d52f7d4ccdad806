using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Studies.Backends.Local.Native;

namespace Studies.Backends.Local;

/// <summary>
/// Knows which characters a vocabulary cannot encode. llama.cpp's tokenizers look up every character (SentencePiece)
/// or byte (byte-level BPE) they cannot merge, and on a vocabulary without that piece and without byte-fallback tokens
/// (the TinyStories-656K files: '#', '@', 'é', ...) they throw an uncaught C++ exception that kills the process. So
/// text is checked here first, conservatively: a character passes when it is a token of its own or every one of its
/// bytes has a byte token.
/// </summary>
internal sealed class VocabularyGuard
{
    private const int VocabTypeSpm = 1;
    private const int VocabTypeBpe = 2;
    private const int AttrByte = 1 << 5;

    private readonly int _type;
    private readonly HashSet<string> _singles;
    private readonly bool[] _byteTokens = new bool[256];
    private readonly bool[] _asciiOk = new bool[128];

    private VocabularyGuard(int type, HashSet<string> singles, bool[] byteTokens)
    {
        _type = type;
        _singles = singles;
        _byteTokens = byteTokens;
        for (int c = 0; c < 128; c++)
        {
            _asciiOk[c] = IsEncodable(new Rune(c));
        }
    }

    public static VocabularyGuard Create(nint vocab, int vocabSize)
    {
        int type = LlamaNative.llama_vocab_type(vocab);
        var singles = new HashSet<string>(StringComparer.Ordinal);
        var byteTokens = new bool[256];
        for (int t = 0; t < vocabSize; t++)
        {
            string text = Marshal.PtrToStringUTF8(LlamaNative.llama_vocab_get_text(vocab, t)) ?? "";
            if ((LlamaNative.llama_vocab_get_attr(vocab, t) & AttrByte) != 0
                && text is ['<', '0', 'x', _, _, '>']
                && byte.TryParse(text.AsSpan(3, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out byte b))
            {
                byteTokens[b] = true;
            }
            else if (text.Length > 0 && text.EnumerateRunes().Count() == 1)
            {
                singles.Add(text);
            }
        }

        return new VocabularyGuard(type, singles, byteTokens);
    }

    public IReadOnlyList<string> FindUnencodable(string text)
    {
        if (_type is not (VocabTypeSpm or VocabTypeBpe))
        {
            return [];
        }

        List<string>? bad = null;
        foreach (var rune in text.EnumerateRunes())
        {
            bool ok = rune.Value < 128 ? _asciiOk[rune.Value] : IsEncodable(rune);
            if (!ok)
            {
                bad ??= [];
                string s = rune.ToString();
                if (!bad.Contains(s))
                {
                    bad.Add(s);
                }
            }
        }

        return bad ?? (IReadOnlyList<string>)[];
    }

    private bool IsEncodable(Rune rune)
    {
        Span<byte> utf8 = stackalloc byte[4];
        int n = rune.EncodeToUtf8(utf8);
        if (_type == VocabTypeBpe)
        {
            for (int i = 0; i < n; i++)
            {
                if (!_singles.Contains(ByteLevelCharacter(utf8[i])) && !_byteTokens[utf8[i]])
                {
                    return false;
                }
            }

            return true;
        }

        // SentencePiece writes spaces as U+2581.
        string piece = rune.Value == ' ' ? "\u2581" : rune.ToString();
        if (_singles.Contains(piece))
        {
            return true;
        }

        for (int i = 0; i < n; i++)
        {
            if (!_byteTokens[utf8[i]])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>GPT-2's bytes_to_unicode: printable bytes stand for themselves, the rest map to U+0100 and up.</summary>
    internal static string ByteLevelCharacter(int b)
    {
        static bool Printable(int x) => x is >= '!' and <= '~' or >= 0xA1 and <= 0xAC or >= 0xAE and <= 0xFF;
        if (Printable(b))
        {
            return char.ConvertFromUtf32(b);
        }

        int n = 0;
        for (int x = 0; x < b; x++)
        {
            if (!Printable(x))
            {
                n++;
            }
        }

        return char.ConvertFromUtf32(256 + n);
    }
}
