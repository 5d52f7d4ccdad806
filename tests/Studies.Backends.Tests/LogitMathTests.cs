using Studies.Backends.Local;

namespace Studies.Backends.Tests;

/// <summary>The vectorised logit helpers agree with their plain definitions, ties and vector tails included.</summary>
public sealed class LogitMathTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(33)]
    [InlineData(512)]
    [InlineData(32000)]
    public void RankAndArgMaxMatchTheirDefinitions(int vocabulary)
    {
        var random = new Random(vocabulary);
        // Coarse values so ties happen.
        float[] logits = Enumerable.Range(0, vocabulary).Select(_ => (float)random.Next(-20, 20)).ToArray();
        int argmax = 0;
        for (int i = 1; i < logits.Length; i++)
        {
            if (logits[i] > logits[argmax])
            {
                argmax = i; // the first maximum, as llama.cpp's greedy sampler picks it
            }
        }

        Assert.Equal(argmax, LogitMath.ArgMax(logits));
        foreach (int token in new[] { 0, vocabulary / 2, vocabulary - 1, argmax })
        {
            Assert.Equal(1 + logits.Count(l => l > logits[token]), LogitMath.Rank(logits, token));
        }
    }

    [Fact]
    public void ArgMaxIgnoresNaNAndSignedZerosLikeTheGreedySampler()
    {
        Assert.Equal(2, LogitMath.ArgMax([1f, float.NaN, 3f, 2f]));
        Assert.Equal(1, LogitMath.ArgMax([-1f, -0f, 0f, -2f]));
    }
}
