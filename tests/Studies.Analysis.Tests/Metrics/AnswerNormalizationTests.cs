using Studies.Analysis.Metrics;

namespace Studies.Analysis.Tests.Metrics;

public class AnswerNormalizationTests
{
    [Theory]
    [InlineData("The Cat!", "cat")]
    [InlineData("  An apple a day ", "apple day")]
    [InlineData("don't", "dont")]
    [InlineData("Theory", "theory")]
    [InlineData("Hello,   World\t\n", "hello world")]
    [InlineData("a.b", "ab")]
    [InlineData("The", "")]
    [InlineData("", "")]
    [InlineData("$1,000.", "1000")]
    [InlineData("Ananas AN an", "ananas")]
    [InlineData("Paris (France)", "paris france")]
    public void Follows_SQuAD_normalize_answer(string input, string expected)
    {
        Assert.Equal(expected, AnswerNormalization.Normalize(input));
    }

    [Fact]
    public void Exact_match_clusters_number_in_first_appearance_order()
    {
        Assert.Equal(new[] { 0, 0, 0, 1, 1, 2 }, AnswerClusters.ByExactMatch(["Paris", "paris.", "The Paris", "London", "london!", "Rome"]));
        Assert.Empty(AnswerClusters.ByExactMatch([]));
    }
}
