using System.Text;

namespace Studies.Backends.Local;

/// <summary>The state of one sequence being generated: tokens, text, stop strings and why it finished.</summary>
internal sealed class GenerationStream(
    LlamaModel model, TokenLogprobs logprobs, GenerationRequest request, IReadOnlyList<string> stops, int promptLength, int contextLength)
{
    private readonly List<TokenLogprob> _tokens = new(Math.Min(request.MaxTokens, 4096));
    private readonly StringBuilder _text = new();
    private readonly Decoder _decoder = Encoding.UTF8.GetDecoder();
    private readonly char[] _chars = new char[64];
    private readonly int _promptLength = promptLength;
    private FinishReason _finish = FinishReason.Length;

    public bool Finished { get; private set; }

    /// <summary>Position of the next token to sample.</summary>
    public int Position { get; private set; } = promptLength;

    /// <summary>Records a sampled token; false when generation ends with it (the token is then not kept).</summary>
    public bool Accept(int token, ReadOnlySpan<float> logits)
    {
        if (model.IsEndOfGeneration(token))
        {
            return Finish(FinishReason.EndOfText);
        }

        _tokens.Add(logprobs.Make(logits, token, request.TopLogprobs));
        int before = _text.Length;
        var piece = model.Piece(token);
        if (!piece.IsEmpty)
        {
            int n = _decoder.GetChars(piece, _chars, flush: false);
            _text.Append(_chars, 0, n);
        }

        Position++;
        if (FindStop(before) is { } cut)
        {
            _text.Length = cut;
            return Finish(FinishReason.Stop);
        }

        if (_tokens.Count >= request.MaxTokens)
        {
            return Finish(FinishReason.Length);
        }

        return Position < contextLength || Finish(FinishReason.ContextFull);
    }

    public GenerationResult Result(GenerationTimings timings) =>
        new(_text.ToString(), _tokens, _finish, _promptLength, _tokens.Count, timings);

    private bool Finish(FinishReason reason)
    {
        _finish = reason;
        Finished = true;
        return false;
    }

    private int? FindStop(int appendedAt)
    {
        for (int s = 0; s < stops.Count; s++) // indexed: foreach over the interface would allocate per token
        {
            string stop = stops[s];
            int from = Math.Max(0, appendedAt - stop.Length + 1);
            for (int i = from; i + stop.Length <= _text.Length; i++)
            {
                int j = 0;
                while (j < stop.Length && _text[i + j] == stop[j])
                {
                    j++;
                }

                if (j == stop.Length)
                {
                    return i;
                }
            }
        }

        return null;
    }
}
