using System.Numerics.Tensors;

namespace Studies.Backends.Local;

/// <summary>Log-probabilities, ranks and top-k from raw logits, vectorised and allocation-free per call.</summary>
internal static class LogitMath
{
    /// <summary>log(sum(exp(logits))), computed stably; <paramref name="scratch"/> must hold the vocabulary.</summary>
    public static float LogSumExp(ReadOnlySpan<float> logits, Span<float> scratch)
    {
        float max = TensorPrimitives.Max(logits);
        var buffer = scratch[..logits.Length];
        TensorPrimitives.Subtract(logits, max, buffer);
        TensorPrimitives.Exp(buffer, buffer);
        return max + MathF.Log(TensorPrimitives.Sum(buffer));
    }

    /// <summary>1 + the number of tokens strictly more likely than <paramref name="token"/>.</summary>
    public static int Rank(ReadOnlySpan<float> logits, int token)
    {
        float value = logits[token];
        int above = 0;
        foreach (float l in logits)
        {
            if (l > value)
            {
                above++;
            }
        }

        return above + 1;
    }

    /// <summary>Indices of the k largest logits, most likely first (ties by lower token id).</summary>
    public static int TopK(ReadOnlySpan<float> logits, Span<int> result)
    {
        int k = Math.Min(result.Length, logits.Length);
        int filled = 0;
        for (int i = 0; i < logits.Length; i++)
        {
            float v = logits[i];
            if (filled == k && v <= logits[result[k - 1]])
            {
                continue;
            }

            int j = filled < k ? filled++ : k - 1;
            while (j > 0 && logits[result[j - 1]] < v)
            {
                result[j] = result[j - 1];
                j--;
            }

            result[j] = i;
        }

        return filled;
    }
}
