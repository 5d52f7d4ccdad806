namespace Studies.Experiments.Tests;

/// <summary>The resumed-run comparison itself: float rounding passes, anything else is a difference.</summary>
public sealed class TrialLinesTests
{
    private const string Line = """{"key":"k","output":"happy","scores":{"logprob_happy":-13.113226890563965,"correct":0},"timings":{"elapsed_ms":1.5}}""";

    [Fact]
    public void Rounding_and_timings_agree_but_text_numbers_and_fields_do_not()
    {
        Assert.Null(TrialLines.Difference(Line, Line.Replace("-13.113226890563965", "-13.113224029541016").Replace("1.5", "9")));
        Assert.Equal(".scores.logprob_happy: -13.113226890563965 vs -13.2", TrialLines.Difference(Line, Line.Replace("-13.113226890563965", "-13.2")));
        Assert.Equal(""".output: "happy" vs "sad" """.TrimEnd(), TrialLines.Difference(Line, Line.Replace("happy\"", "sad\"")));
        Assert.StartsWith(".scores: fields", TrialLines.Difference(Line, Line.Replace(",\"correct\":0", "")));
        Assert.Equal(".scores.correct: 0 vs 1", TrialLines.Difference(Line, Line.Replace("\"correct\":0", "\"correct\":1")));
    }
}
