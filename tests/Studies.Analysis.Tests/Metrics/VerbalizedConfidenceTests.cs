using Studies.Analysis.Metrics;

namespace Studies.Analysis.Tests.Metrics;

public class VerbalizedConfidenceTests
{
    [Theory]
    [InlineData("Confidence: 80%", 0.8)]
    [InlineData("Answer: Paris\nConfidence: 0.8", 0.8)]
    [InlineData("I am 80 percent sure.", 0.8)]
    [InlineData("I'm 75% confident", 0.75)]
    [InlineData("0.8", 0.8)]
    [InlineData(" 80 ", 0.8)]
    [InlineData("Probability: .65", 0.65)]
    [InlineData("Guess: 3\nProbability: 0.7", 0.7)]
    [InlineData("The answer is 42. Confidence: 90%", 0.9)]
    [InlineData("Answer: 12 apples. Confidence: 70", 0.7)]
    [InlineData("Confidence (0-100): 85", 0.85)]
    [InlineData("My confidence level is 8/10.", 0.8)]
    [InlineData("confidence: 1", 1.0)]
    [InlineData("Confidence: 0%", 0.0)]
    [InlineData("Confidence: 30 per cent", 0.3)]
    public void Parses_numbers(string text, double expected)
    {
        Assert.Equal(expected, VerbalizedConfidence.Parse(text)!.Value, 12);
    }

    [Theory]
    [InlineData("Confidence: high", VerbalizedConfidence.High)]
    [InlineData("Low confidence.", VerbalizedConfidence.Low)]
    [InlineData("Medium", VerbalizedConfidence.Medium)]
    [InlineData("confidence is moderate", VerbalizedConfidence.Medium)]
    [InlineData("Very high", VerbalizedConfidence.High)]
    [InlineData("Confidence: high (about 90%)", 0.9)]
    [InlineData("Confidence (0-100): high", VerbalizedConfidence.High)]
    [InlineData("Confidence (0 to 1): low", VerbalizedConfidence.Low)]
    public void Parses_levels(string text, double expected)
    {
        Assert.Equal(expected, VerbalizedConfidence.Parse(text)!.Value, 12);
    }

    [Fact]
    public void Level_values_are_band_centres()
    {
        Assert.Equal(1.0 / 6, VerbalizedConfidence.Low, 15);
        Assert.Equal(0.5, VerbalizedConfidence.Medium, 15);
        Assert.Equal(5.0 / 6, VerbalizedConfidence.High, 15);
    }

    [Theory]
    [InlineData("The answer is Paris.")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("Confidence: 150%")]
    [InlineData("The highway has 3 lanes")]
    public void Returns_null_when_absent_or_impossible(string? text)
    {
        Assert.Null(VerbalizedConfidence.Parse(text));
    }
}
