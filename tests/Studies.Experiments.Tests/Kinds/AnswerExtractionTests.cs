using Studies.Experiments.Kinds.Extraction;
using Studies.Experiments.Model;

namespace Studies.Experiments.Tests.Kinds;

public class AnswerExtractionTests
{
    [Theory]
    [InlineData("He has 3 apples, then 1,200.50 more.", "1200.5")]
    [InlineData("The answer is 42.", "42")]
    [InlineData("It fell to -4 degrees", "-4")]
    [InlineData("5.0", "5")]
    [InlineData("2 plus 3 is 5", "5")]
    [InlineData("no numbers here", null)]
    [InlineData("", null)]
    public void LastNumber(string text, string? expected) => Assert.Equal(expected, AnswerExtractor.LastNumber(text));

    [Theory]
    [InlineData("(B) blue", 3, "B")]
    [InlineData("The answer is C", 3, "C")]
    [InlineData("Answer: A, because", 3, "A")]
    [InlineData("B.", 3, "B")]
    [InlineData("b", 3, "B")]
    [InlineData("C) red", 3, "C")]
    [InlineData("A dog ran to the park.", 3, null)]
    [InlineData("(D) it is", 3, null)]
    [InlineData("the answer is (E)", 5, "E")]
    [InlineData("I do not know", 5, null)]
    public void OptionLetter(string text, int options, string? expected) =>
        Assert.Equal(expected, AnswerExtractor.OptionLetter(text, options));

    [Fact]
    public void OptionLetterFirstOrLast()
    {
        Assert.Equal("A", AnswerExtractor.OptionLetter("(A) no, wait: (C)", 3));
        Assert.Equal("C", AnswerExtractor.OptionLetter("(A) no, wait: (C)", 3, last: true));
        Assert.Equal("B", AnswerExtractor.OptionLetter("(A) is wrong, so the answer is B", 3, last: true));
    }

    [Theory]
    [InlineData("Sad. Tom cried.", "sad")]
    [InlineData("HAPPY!", "happy")]
    [InlineData("He was unhappy", null)]
    [InlineData("happy-go-lucky", "happy")]
    [InlineData("Tom is sad but then happy", "sad")]
    [InlineData("", null)]
    public void LabelWord(string text, string? expected) => Assert.Equal(expected, AnswerExtractor.LabelWord(text, ["happy", "sad"]));

    [Fact]
    public void LabelWordPrefersTheLongestLabelAndCanTakeTheLast()
    {
        Assert.Equal("very happy", AnswerExtractor.LabelWord("She was very happy.", ["happy", "very happy", "sad"]));
        Assert.Equal("happy", AnswerExtractor.LabelWord("Tom is sad but then happy", ["happy", "sad"], last: true));
        Assert.Equal("Positive", AnswerExtractor.LabelWord("positive", ["Positive", "Negative"]));
    }

    [Theory]
    [InlineData("Yes, it is red.", "yes")]
    [InlineData("no.", "no")]
    [InlineData("NO WAY", "no")]
    [InlineData("nothing to say", null)]
    [InlineData("I know", null)]
    public void YesNo(string text, string? expected) => Assert.Equal(expected, AnswerExtractor.YesNo(text));

    [Fact]
    public void AfterAnswerCue()
    {
        Assert.Equal("(B).", AnswerExtractor.AfterAnswerCue("The answer is (A)? No. So the answer is (B)."));
        Assert.Equal("7", AnswerExtractor.AfterAnswerCue("Answer: 7"));
        Assert.Null(AnswerExtractor.AfterAnswerCue("no cue here"));
    }

    [Theory]
    [InlineData("42", "42")]
    [InlineData("$1,200", "1200")]
    [InlineData("Natalia sold 48 clips.\n#### 72", "72")]
    [InlineData("3.50%", "3.5")]
    [InlineData("5 apples", null)]
    [InlineData("blue", null)]
    public void GoldNumber(string gold, string? expected) => Assert.Equal(expected, NumberText.GoldNumber(gold));

    [Theory]
    [InlineData("80%", 0.8)]
    [InlineData(" 0.3", 0.3)]
    [InlineData("90", 0.9)]
    [InlineData("1%", 0.01)]
    [InlineData("I am 100% sure", 1.0)]
    [InlineData("150%", null)]
    [InlineData("very sure", null)]
    public void VerbalConfidenceParses(string text, double? expected)
    {
        double? p = VerbalConfidence.Parse(text);
        if (expected is null)
        {
            Assert.Null(p);
        }
        else
        {
            Assert.Equal(expected.Value, p!.Value, 9);
        }
    }

    [Fact]
    public void TextNormalization() => Assert.Equal("blue sky", TextNormalizer.Normalize("  The Blue, sky!"));

    [Fact]
    public void ChoiceSpaceCanonicalizesGoldAndExtractsByLetterOrText()
    {
        var item = new StudyItem { Id = "c", Input = "?", Choices = ["green", "blue", "red"], Label = "(b)" };
        var space = AnswerSpace.For(item, []);
        Assert.Equal(AnswerKind.Choice, space.Kind);
        Assert.Equal(["A", "B", "C"], space.Options);
        Assert.Equal("B", space.Gold(item));
        Assert.Equal("C", space.Gold(item with { Label = "Red" }));
        Assert.Null(space.Gold(item with { Label = "purple" }));
        Assert.Equal("(B)", space.Render("B"));
        Assert.Equal("B", space.Extract("Blue."));
        Assert.Null(space.Extract("green or blue"));
        Assert.Equal("C", space.Extract("(A) is green. Red is (C). So the answer is (C).", fromChain: true));
    }

    [Fact]
    public void LabelNumberAndTextSpaces()
    {
        var labelled = new StudyItem { Id = "l", Input = "x", Label = "SAD" };
        var labels = AnswerSpace.For(labelled, ["happy", "sad"]);
        Assert.Equal(AnswerKind.Label, labels.Kind);
        Assert.Equal("sad", labels.Gold(labelled));
        Assert.Equal("happy", labels.Extract("I think he is sad. No, happy.", fromChain: true));

        var numeric = new StudyItem { Id = "n", Input = "x", Answer = "#### 1,000" };
        var numbers = AnswerSpace.For(numeric, []);
        Assert.Equal(AnswerKind.Number, numbers.Kind);
        Assert.Equal("1000", numbers.Gold(numeric));
        Assert.Equal("1000", numbers.Extract("2 times 500 is 1000.0"));

        var open = new StudyItem { Id = "t", Input = "x", Answer = "The Eiffel Tower" };
        var text = AnswerSpace.For(open, []);
        Assert.Equal(AnswerKind.Text, text.Kind);
        Assert.Equal("eiffel tower", text.Gold(open));
        Assert.Equal("eiffel tower", text.Extract("\n  the Eiffel tower.\nIt is tall."));
        Assert.Null(text.Extract("  \n "));
        Assert.Equal("\u2205i dunno", AnswerSpace.ClusterKey(null, "I dunno!"));
    }
}
