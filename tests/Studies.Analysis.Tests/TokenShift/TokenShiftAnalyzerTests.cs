using Studies.Analysis.Reports;
using Studies.Analysis.TokenShift;
using Studies.Analysis.Tests.Plots;
using Studies.Backends;

namespace Studies.Analysis.Tests.TokenShift;

public sealed class TokenShiftAnalyzerTests(StoriesPairFixture pair) : IClassFixture<StoriesPairFixture>
{
    private const int MaxTokens = 48;

    [Fact]
    public async Task Real_pair_gives_consistent_ranks_counts_and_fractions()
    {
        var report = await TokenShiftAnalyzer.AnalyzeAsync(pair.Base, pair.Assistant, StoriesPairFixture.Prompts, MaxTokens);

        Assert.Equal("stories260K", report.BaseModel);
        Assert.Equal("stories260K-chat", report.AssistantModel);
        Assert.Equal(StoriesPairFixture.Prompts.Count, report.Prompts.Count);
        var tokens = report.Prompts.SelectMany(p => p.Tokens).ToArray();
        Assert.NotEmpty(tokens);
        Assert.All(tokens, t => Assert.True(t.BaseRank >= 1 && t.BaseRank <= pair.Base.Info.VocabularySize, $"rank {t.BaseRank}"));
        Assert.All(tokens, t => Assert.True(t.BaseLogprob <= 0 && t.AssistantLogprob <= 0));
        Assert.All(report.Prompts, p => Assert.Equal(Enumerable.Range(1, p.Tokens.Count), p.Tokens.Select(t => t.Position)));

        Assert.Equal(tokens.Length, report.Counts.Total);
        Assert.Equal(tokens.Length, report.Fractions.Tokens);
        Assert.Equal(tokens.Count(t => t.BaseRank == 1), report.Counts.Unshifted);
        Assert.Equal(tokens.Count(t => t.BaseRank is 2 or 3), report.Counts.Marginal);
        Assert.Equal(tokens.Count(t => t.BaseRank > 3), report.Counts.Shifted);
        double sum = report.Fractions.Unshifted.Estimate + report.Fractions.Marginal.Estimate + report.Fractions.Shifted.Estimate;
        Assert.Equal(1.0, sum, 12);
        foreach (var s in new[] { report.Fractions.Unshifted, report.Fractions.Marginal, report.Fractions.Shifted })
            Assert.True(s.Lower <= s.Estimate + 1e-12 && s.Estimate <= s.Upper + 1e-12, $"{s} does not contain its estimate");

        // Buckets partition the positions.
        Assert.Equal(report.Counts, report.ByPosition.Aggregate(ShiftCounts.Zero, (a, b) => a + b.Counts));
        foreach (var b in report.ByPosition.Where(b => b.Counts.Total > 0))
            Assert.Equal(1.0, b.Fractions.Unshifted.Estimate + b.Fractions.Marginal.Estimate + b.Fractions.Shifted.Estimate, 12);

        // The top list counts what the positions say, most shifted first.
        foreach (var t in report.TopShiftedTokens)
        {
            Assert.Equal(tokens.Count(p => p.TokenId == t.TokenId && p.BaseRank > 3), t.ShiftedCount);
            Assert.Equal(tokens.Count(p => p.TokenId == t.TokenId), t.Occurrences);
        }

        Assert.True(report.TopShiftedTokens.Zip(report.TopShiftedTokens.Skip(1)).All(z => z.First.ShiftedCount >= z.Second.ShiftedCount));

        // The tuning really shifted something on this pair (its chat answers are not base-model stories).
        Assert.True(report.Counts.Shifted + report.Counts.Marginal > 0, "The assistant's answers are all the base model's top choices — the pair looks identical.");
    }

    [Fact]
    public async Task Control_forcing_the_assistant_through_its_own_greedy_output_is_entirely_unshifted()
    {
        // Greedy decoding picks each model's rank-1 token, so teacher forcing the same model must give rank 1
        // everywhere: a check of the forcing path (same context tokens, same answer ids, same positions).
        var report = await TokenShiftAnalyzer.AnalyzeAsync(pair.Assistant, pair.Assistant, StoriesPairFixture.Prompts, MaxTokens);

        var tokens = report.Prompts.SelectMany(p => p.Tokens).ToArray();
        Assert.NotEmpty(tokens);
        Assert.All(tokens, t => Assert.Equal(1, t.BaseRank));
        Assert.All(tokens, t => Assert.Equal(t.AssistantLogprob, t.BaseLogprob, 3));
        Assert.Equal(new ShiftCounts(tokens.Length, 0, 0), report.Counts);
        Assert.Equal(1.0, report.Fractions.Unshifted.Estimate);
        Assert.Equal(0.0, report.Fractions.Shifted.Estimate);
        Assert.Empty(report.TopShiftedTokens);
    }

    [Fact]
    public async Task Answers_exclude_the_end_of_turn_marker_and_match_the_answer_text()
    {
        var report = await TokenShiftAnalyzer.AnalyzeAsync(pair.Base, pair.Assistant, StoriesPairFixture.Prompts, MaxTokens);

        Assert.Contains(report.Prompts, p => p.FinishReason == FinishReason.Stop);
        foreach (var p in report.Prompts)
        {
            Assert.DoesNotContain("<|im_end|>", p.Answer);
            Assert.StartsWith("<|im_start|>user", p.Context);
            Assert.EndsWith("<|im_start|>assistant\n", p.Context);
            string joined = string.Concat(p.Tokens.Select(t => t.Token));
            if (p.FinishReason == FinishReason.Stop)
                Assert.Equal(p.Answer, joined);
        }
    }

    [Fact]
    public async Task Including_the_stop_sequence_adds_its_tokens()
    {
        var prompts = StoriesPairFixture.Prompts.Take(3).ToArray();
        var without = await TokenShiftAnalyzer.AnalyzeAsync(pair.Base, pair.Assistant, prompts, MaxTokens);
        var with = await TokenShiftAnalyzer.AnalyzeAsync(pair.Base, pair.Assistant, prompts, MaxTokens, new TokenShiftOptions { IncludeStopSequence = true });
        for (int i = 0; i < prompts.Length; i++)
        {
            if (without.Prompts[i].FinishReason != FinishReason.Stop)
                continue;
            Assert.True(with.Prompts[i].Tokens.Count > without.Prompts[i].Tokens.Count);
            Assert.Contains("<|im_end|>", string.Concat(with.Prompts[i].Tokens.Select(t => t.Token)));
        }
    }

    [Fact]
    public async Task Models_with_different_tokenizers_are_refused_with_a_clear_error()
    {
        await using var other = SharedModels.Load(SharedModels.TinyStories656KChat);
        var e = await Assert.ThrowsAsync<ArgumentException>(() => TokenShiftAnalyzer.AnalyzeAsync(pair.Base, other, StoriesPairFixture.Prompts, 8));
        Assert.Contains("do not share a tokenizer", e.Message);
    }

    [Fact]
    public async Task The_analysis_becomes_a_report_section_that_both_writers_render()
    {
        var report = await TokenShiftAnalyzer.AnalyzeAsync(pair.Base, pair.Assistant, StoriesPairFixture.Prompts, MaxTokens);
        var section = TokenShiftAnalyzer.ToReportSection(report, examplePrompts: 3);
        var doc = new ReportDocument("Token shift", [section]);

        Assert.Equal("Token distribution shift: stories260K → stories260K-chat", section.Heading);
        var figures = doc.Figures();
        Assert.Equal(2, figures.Count);
        foreach (var f in figures)
            Assert.InRange(new PngInspector(f.Png).InkFraction(), 0.03, 0.8);
        var tables = section.Descendants().SelectMany(s => s.Blocks).OfType<ReportTable>().ToArray();
        Assert.Equal(["Unshifted", "Marginal", "Shifted"], tables[0].Rows.Select(r => r[0]));
        Assert.Equal(report.Counts.Total, tables[0].Rows.Sum(r => int.Parse(r[2], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(3, tables[^1].Rows.Count);

        string html = HtmlReportWriter.Render(doc);
        Assert.Contains("Most-shifted tokens", html);
        Assert.Contains("&lt;|im_start|&gt;user", html);
        Assert.DoesNotContain("http", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("## Token distribution shift: stories260K → stories260K-chat", MarkdownReportWriter.Render(doc));

        SampleOutput.Save("real-token-shift-distribution", figures[0].Png);
        SampleOutput.Save("real-token-shift-by-position", figures[1].Png);
        await SampleOutput.SaveReportAsync("token-shift-report", doc);
    }
}
