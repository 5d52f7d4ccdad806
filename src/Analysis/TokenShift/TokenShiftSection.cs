using System.Globalization;
using System.Text;
using Studies.Analysis.Reports;
using Studies.Analysis.Statistics;

namespace Studies.Analysis.TokenShift;

/// <summary>Renders a token-shift analysis as a report section: overview table and figure, by-position, top tokens, examples.</summary>
internal static class TokenShiftSection
{
    private static readonly TokenShiftCategory[] s_categories = [TokenShiftCategory.Unshifted, TokenShiftCategory.Marginal, TokenShiftCategory.Shifted];

    public static ReportSection Build(TokenShiftReport report, int examplePrompts)
    {
        ArgumentNullException.ThrowIfNull(report);
        string pair = TokenShiftFigures.PairName(report);
        int answered = report.Prompts.Count(p => p.Tokens.Count > 0);
        var intro = new ReportParagraph(
            $"The assistant ({report.AssistantModel}) answered {report.Prompts.Count} prompts greedily (at most {report.MaxTokens} tokens); " +
            $"the base model ({report.BaseModel}) was then forced through the same context and answer, and at each of the {report.Counts.Total} answer " +
            $"tokens ({answered} non-empty answers) we read the base model's rank of the assistant's token (Lin et al. 2023, URIAL): " +
            "unshifted = rank 1, marginal = rank 2–3, shifted = rank above 3. Intervals are 95% bootstrap intervals over prompts.");

        var overview = new ReportTable(
            ["Category", "Base rank", "Tokens", "Share", "95% CI"],
            s_categories.Select(c => (IReadOnlyList<string>)
            [
                c.ToString(),
                c switch { TokenShiftCategory.Unshifted => "1", TokenShiftCategory.Marginal => "2–3", _ => "> 3" },
                report.Counts[c].ToString(CultureInfo.InvariantCulture),
                Percent(report.Fractions[c].Estimate),
                Interval(report.Fractions[c]),
            ]).ToArray(),
            $"Token distribution shift, {pair}");

        var distribution = ReportFigure.From(TokenShiftFigures.Distribution([report]), "token-shift-" + pair,
            $"Share of the assistant's tokens by the base model's rank, {pair} (95% CIs).",
            $"Bar chart: {Percent(report.Fractions.Unshifted.Estimate)} unshifted, {Percent(report.Fractions.Marginal.Estimate)} marginal, {Percent(report.Fractions.Shifted.Estimate)} shifted.");

        return new ReportSection($"Token distribution shift: {pair}", intro, overview, distribution)
        {
            Subsections = [ByPosition(report, pair), TopTokens(report), Examples(report, examplePrompts)],
        };
    }

    private static ReportSection ByPosition(TokenShiftReport report, string pair)
    {
        var rows = report.ByPosition.Select(b => (IReadOnlyList<string>)
        [
            b.First == b.Last ? $"{b.First}" : $"{b.First}–{b.Last}",
            b.Fractions.Unshifted.N.ToString(CultureInfo.InvariantCulture),
            b.Counts.Total.ToString(CultureInfo.InvariantCulture),
            .. s_categories.Select(c => b.Counts.Total == 0 ? "—" : Percent(b.Fractions[c].Estimate)),
        ]).ToArray();
        var table = new ReportTable(["Positions", "Answers", "Tokens", "Unshifted", "Marginal", "Shifted"], rows, "Shift by answer position");
        var blocks = new List<ReportBlock>
        {
            new ReportParagraph($"Answer positions in buckets of {report.PositionBucketWidth}; later buckets hold fewer answers, so their intervals widen."),
        };
        if (report.ByPosition.Any(b => b.Counts.Total > 0))
        {
            blocks.Add(ReportFigure.From(TokenShiftFigures.ByPosition(report), "token-shift-position-" + pair,
                $"Share of unshifted, marginal and shifted tokens by position in the answer, {pair} (95% CI bands).",
                "Line chart of the three token-shift categories against answer position."));
        }

        blocks.Add(table);
        return new ReportSection("Shift by position", blocks);
    }

    private static ReportSection TopTokens(TokenShiftReport report)
    {
        if (report.TopShiftedTokens.Count == 0)
            return new ReportSection("Most-shifted tokens", new ReportParagraph("No token was shifted (ranked above 3 by the base model)."));

        var table = new ReportTable(
            ["Token", "Id", "Shifted", "Occurrences", "Shifted share", "Median base rank", "Base model preferred"],
            report.TopShiftedTokens.Select(t => (IReadOnlyList<string>)
            [
                TokenText.Display(t.Token),
                t.TokenId.ToString(CultureInfo.InvariantCulture),
                t.ShiftedCount.ToString(CultureInfo.InvariantCulture),
                t.Occurrences.ToString(CultureInfo.InvariantCulture),
                Percent(t.ShiftedFraction),
                t.MedianBaseRank.ToString("0.#", CultureInfo.InvariantCulture),
                TokenText.Display(t.BasePreferred),
            ]).ToArray(),
            "Tokens the base model most often ranked above 3 where the assistant used them");
        return new ReportSection("Most-shifted tokens", table);
    }

    private static ReportSection Examples(TokenShiftReport report, int count)
    {
        var examples = report.Prompts.Take(Math.Max(0, count)).ToArray();
        if (examples.Length == 0)
            return new ReportSection("Examples", new ReportParagraph("No prompts were analysed."));

        var table = new ReportTable(
            ["#", "Context (as the base model saw it)", "Answer with base ranks", "Unshifted", "Marginal", "Shifted"],
            examples.Select(p => (IReadOnlyList<string>)
            [
                (p.Index + 1).ToString(CultureInfo.InvariantCulture),
                p.Context.TrimEnd(),
                Annotated(p),
                p.Counts.Unshifted.ToString(CultureInfo.InvariantCulture),
                p.Counts.Marginal.ToString(CultureInfo.InvariantCulture),
                p.Counts.Shifted.ToString(CultureInfo.InvariantCulture),
            ]).ToArray(),
            "First prompts, with the assistant's answer");
        return new ReportSection("Examples",
            new ReportParagraph("In the answers, a token the base model did not rank first is followed by its base rank in brackets, e.g. happy[5]."),
            table);
    }

    private static string Annotated(TokenShiftPromptResult prompt)
    {
        if (prompt.Tokens.Count == 0)
            return "(empty answer)";
        var sb = new StringBuilder();
        foreach (var t in prompt.Tokens)
        {
            sb.Append(t.Token);
            if (t.BaseRank > 1)
                sb.Append('[').Append(t.BaseRank.ToString(CultureInfo.InvariantCulture)).Append(']');
        }

        return sb.ToString().Trim();
    }

    private static string Percent(double value) =>
        double.IsFinite(value) ? (value * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "—";

    private static string Interval(Summary s) =>
        double.IsFinite(s.Lower) && double.IsFinite(s.Upper) ? $"[{Percent(s.Lower)}, {Percent(s.Upper)}]" : "—";
}
