using System.Numerics;
using System.Numerics.Tensors;

namespace Studies.Backends.Local;

/// <summary>Log-probabilities, ranks, argmax and top-k from raw logits, vectorised and allocation-free per call.</summary>
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

    /// <summary>The most likely token, the first one on ties (what llama.cpp's greedy sampler picks).</summary>
    public static int ArgMax(ReadOnlySpan<float> logits)
    {
        // One SIMD pass. It takes the first of equal maxima; it differs from the sampler's plain '>' only for NaN (it
        // returns the NaN) and for +0 after -0 (it prefers +0): those rare cases take the scalar loop.
        int index = TensorPrimitives.IndexOfMax(logits);
        float max = logits[index];
        if (!float.IsNaN(max) && max != 0f)
        {
            return index;
        }

        int best = 0;
        for (int i = 1; i < logits.Length; i++)
        {
            if (logits[i] > logits[best])
            {
                best = i;
            }
        }

        return best;
    }

    /// <summary>1 + the number of tokens strictly more likely than <paramref name="token"/>.</summary>
    public static int Rank(ReadOnlySpan<float> logits, int token)
    {
        float value = logits[token];
        int above = 0;
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var threshold = new Vector<float>(value);
            var counts = Vector<int>.Zero;
            for (; i <= logits.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                // GreaterThan gives -1 in each lane that is above: subtracting counts them.
                counts -= Vector.GreaterThan(new Vector<float>(logits[i..]), threshold);
            }

            above = Vector.Sum(counts);
        }

        for (; i < logits.Length; i++)
        {
            if (logits[i] > value)
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
