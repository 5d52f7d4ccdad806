using System.Buffers;

namespace Studies.Backends.Local;

/// <summary>
/// Turns logits into the <see cref="TokenLogprob"/> reported for a token: log-softmax, rank and top alternatives.
/// Holds a vocabulary-sized scratch buffer, so one instance serves one request at a time.
/// </summary>
internal sealed class TokenLogprobs(LlamaModel model)
{
    private readonly float[] _scratch = new float[model.VocabSize];

    public TokenLogprob Make(ReadOnlySpan<float> logits, int token, int topLogprobs)
    {
        float lse = LogitMath.LogSumExp(logits, _scratch);
        TopAlternative[]? top = null;
        if (topLogprobs > 0)
        {
            int[] ids = ArrayPool<int>.Shared.Rent(topLogprobs);
            int k = LogitMath.TopK(logits, ids.AsSpan(0, topLogprobs));
            top = new TopAlternative[k];
            for (int i = 0; i < k; i++)
            {
                top[i] = new TopAlternative(ids[i], model.PieceText(ids[i]), logits[ids[i]] - lse);
            }

            ArrayPool<int>.Shared.Return(ids);
        }

        return new TokenLogprob(token, model.PieceText(token), logits[token] - lse, LogitMath.Rank(logits, token), top);
    }
}
