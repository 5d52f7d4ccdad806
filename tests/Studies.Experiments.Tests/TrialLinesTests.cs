namespace Studies.Experiments.Tests;

/// <summary>The resumed-run comparison itself: only timings may differ.</summary>
public sealed class TrialLinesTests
{
    private const string Line = """{"key":"k","output":"happy","scores":{"logprob_happy":-13.113226890563965,"correct":0},"timings":{"elapsed_ms":1.5}}""";

    [Fact]
    public void Only_timings_may_differ()
    {
        Assert.Null(TrialLines.Difference(Line, Line.Replace("1.5", "9")));
        Assert.Equal(".scores.logprob_happy: -13.113226890563965 vs -13.113224029541016", TrialLines.Difference(Line, Line.Replace("-13.113226890563965", "-13.113224029541016")));
        Assert.Equal(".scores.logprob_happy: -13.113226890563965 vs -13.2", TrialLines.Difference(Line, Line.Replace("-13.113226890563965", "-13.2")));
        Assert.Equal(""".output: "happy" vs "sad" """.TrimEnd(), TrialLines.Difference(Line, Line.Replace("happy\"", "sad\"")));
        Assert.StartsWith(".scores: fields", TrialLines.Difference(Line, Line.Replace(",\"correct\":0", "")));
        Assert.Equal(".scores.correct: 0 vs 1", TrialLines.Difference(Line, Line.Replace("\"correct\":0", "\"correct\":1")));
    }
}
