using System.Globalization;
using Studies.Analysis.Plots;
using Studies.Analysis.Reports;

namespace Studies.Analysis.Diff;

/// <summary>
/// Builds the diff report (diff.md and diff.html share it): a summary of both runs and the pairing, accuracy by group
/// with paired intervals, McNemar p and a forest plot, shared score deltas, the flipped items with both outputs, the
/// manifest differences, and what could not be compared.
/// </summary>
public static class DiffReportBuilder
{
    /// <summary>Groups drawn in the forest plot (the table always lists them all).</summary>
    public const int MaxPlotRows = 40;

    public static ReportDocument Build(RunDiff diff, GateResult? gate = null, bool includeFigure = true)
    {
        ArgumentNullException.ThrowIfNull(diff);
        var columns = new Columns(diff);
        var sections = new List<ReportSection>
        {
            Summary(diff, gate),
            Accuracy(diff, columns, includeFigure),
        };
        if (diff.Groups.Any(g => g.Scores.Count > 0))
        {
            sections.Add(Scores(diff, columns));
        }

        sections.Add(Flips(diff, columns));
        sections.Add(Manifests(diff));
        if (NotCompared(diff) is { } notCompared)
        {
            sections.Add(notCompared);
        }

        return new ReportDocument($"Diff: {diff.A.Name} → {diff.B.Name}", sections)
        {
            Subtitle = $"A = {diff.A.Folder} · B = {diff.B.Folder}",
        };
    }

    /// <summary>The verdict in one paragraph (also printed by the CLI).</summary>
    public static string Verdict(RunDiff diff)
    {
        ArgumentNullException.ThrowIfNull(diff);
        if (diff.Unchanged)
        {
            return $"No change: {DiffText.Count(diff.Match.Counts.Paired)} paired trials with the same correctness and outputs, the same score means, and manifests that agree.";
        }

        int rightToWrong = diff.Flips.Count(f => f.Direction == FlipDirection.RightToWrong);
        int changed = diff.Groups.Sum(g => g.OutputsChanged);
        return $"{DiffText.Count(diff.Match.Counts.Paired)} paired trials in {diff.Groups.Count} groups: "
            + $"{DiffText.Count(rightToWrong)} right → wrong, {DiffText.Count(diff.Flips.Count - rightToWrong)} wrong → right, "
            + $"{DiffText.Count(changed)} with a changed output or prediction; {diff.ManifestDifferences.Count} manifest differences.";
    }

    private static ReportSection Summary(RunDiff diff, GateResult? gate)
    {
        var blocks = new List<ReportBlock> { new ReportParagraph(Verdict(diff)) };
        if (gate is not null)
        {
            blocks.Add(new ReportParagraph($"Regression gate (fail when accuracy B − A < −{DiffText.SignedPoints(gate.Threshold).TrimStart('+')} points): "
                + (gate.Passed ? "passed" : "FAILED") + $" — {gate.Message}"));
        }

        var c = diff.Match.Counts;
        var rows = new List<IReadOnlyList<string>>
        {
            Row("folder", diff.A.Name, diff.B.Name),
            Row("config", diff.A.Manifest.ConfigName, diff.B.Manifest.ConfigName),
            Row("config hash", DiffText.Short(diff.A.Manifest.ConfigHash), DiffText.Short(diff.B.Manifest.ConfigHash)),
            Row("models", Models(diff.A), Models(diff.B)),
            Row("trials", DiffText.Count(c.TrialsA), DiffText.Count(c.TrialsB)),
            Row("failed (excluded)", DiffText.Count(c.FailedA), DiffText.Count(c.FailedB)),
            Row("paired", DiffText.Count(c.Paired), DiffText.Count(c.Paired)),
            Row("unpaired", DiffText.Count(c.UnpairedA), DiffText.Count(c.UnpairedB)),
            Row("completed", diff.A.Manifest.CompletedUtc is null ? "no" : "yes", diff.B.Manifest.CompletedUtc is null ? "no" : "yes"),
        };
        blocks.Add(new ReportTable(["", "A", "B"], rows, "The two runs."));
        var pairing = diff.Match.Pairings.Select(p =>
            $"{p.Study}: {p.RuleText} — {string.Join(", ", p.Pairs.Select(m => m.SameName ? m.ModelA : $"{m.ModelA} ({m.RoleA}) ↔ {m.ModelB} ({m.RoleB})"))}");
        blocks.Add(new ReportParagraph(
            "Trials are matched by study, condition, facets, item and seed, and by model: with the same model names on both sides "
            + "each model meets itself; otherwise models are paired by role when each side has one model per role, else by "
            + "position in the study's model list. Failed trials are excluded.\n" + string.Join("\n", pairing)));
        return new ReportSection("Summary", blocks);
    }

    private static ReportSection Accuracy(RunDiff diff, Columns columns, bool includeFigure)
    {
        var o = diff.Options;
        var blocks = new List<ReportBlock>
        {
            new ReportParagraph(
                $"Accuracy over the pairs where both sides have a correctness. Δ = B − A in percentage points with a "
                + $"{(o.Confidence * 100).ToString("0.#", CultureInfo.InvariantCulture)}% paired bootstrap interval ({DiffText.Count(o.Resamples)} "
                + "resamples of items, seeded: the same runs always give the same interval); p is McNemar's exact test on the "
                + $"discordant pairs (R→W right in A and wrong in B, W→R the reverse), Holm-adjusted over the {diff.Groups.Count(g => g.Scored > 0)} tested groups. "
                + "Changed counts pairs whose output text or prediction differs. Groups split a condition by the facets that vary "
                + "within an item (shots, flip fraction, permutation...)."),
        };
        if (diff.Groups.Count == 0)
        {
            blocks.Add(new ReportParagraph("No trial could be paired."));
            return new ReportSection("Accuracy by group", blocks);
        }

        var header = columns.Header(["Pairs", "Acc A", "Acc B", "Δ pp [95% CI]", "R→W", "W→R", "Changed", "p", "p (Holm)"]);
        var rows = diff.Groups.Select(g => columns.Row(g.Key,
        [
            DiffText.Count(g.Pairs), DiffText.Percent(g.AccuracyA), DiffText.Percent(g.AccuracyB), DiffText.Points(g.Delta),
            DiffText.Count(g.RightToWrong), DiffText.Count(g.WrongToRight), DiffText.Count(g.OutputsChanged),
            g.Scored > 0 ? DiffText.PValue(g.McNemar.PValue) : DiffText.None, DiffText.PValue(g.HolmPValue),
        ])).ToList();
        blocks.Add(new ReportTable(header, rows, "Accuracy by group, A → B."));
        if (includeFigure && Forest(diff, columns) is { } figure)
        {
            blocks.Add(figure);
        }

        return new ReportSection("Accuracy by group", blocks);
    }

    private static ReportFigure? Forest(RunDiff diff, Columns columns)
    {
        var groups = diff.Groups.Where(g => g.Scored > 0).Take(MaxPlotRows).ToList();
        if (groups.Count == 0)
        {
            return null;
        }

        var rows = groups.Select(g => new LabeledInterval(
            DiffText.Cut(g.Key.Label(columns.MultipleStudies, columns.MultiplePairs), 60),
            g.Delta.Estimate * 100, g.Delta.Lower * 100, g.Delta.Upper * 100)).ToList();
        var image = ForestPlot.Render(rows, new FigureOptions
        {
            Title = "Accuracy change by group (95% paired bootstrap CI)",
            XLabel = "Accuracy B − A (percentage points)",
            Height = Math.Clamp(140 + (30 * rows.Count), 300, 1500),
        });
        string more = diff.Groups.Count(g => g.Scored > 0) > groups.Count ? $" (the first {groups.Count} groups; the table lists all)" : "";
        return ReportFigure.From(image, "accuracy-delta", $"Accuracy B − A by group with 95% paired bootstrap intervals{more}.",
            "Forest plot of the accuracy change from run A to run B per group, with confidence intervals and a line at zero.");
    }

    private static ReportSection Scores(RunDiff diff, Columns columns)
    {
        var header = columns.Header(["Score", "n", "Mean A", "Mean B", "Δ [95% CI]"]);
        var rows = diff.Groups.SelectMany(g => g.Scores.Select(s => columns.Row(g.Key,
            [s.Name, DiffText.Count(s.N), DiffText.Number(s.MeanA), DiffText.Number(s.MeanB), DiffText.Delta(s.Delta)]))).ToList();
        return new ReportSection("Score deltas",
            new ReportParagraph("Means of the numeric scores both sides recorded (uncertainty signals, label probabilities...) over the pairs "
                + "where both values are finite, and B − A with a paired bootstrap interval over items."),
            new ReportTable(header, rows, "Shared scores by group, A → B."));
    }

    private static ReportSection Flips(RunDiff diff, Columns columns)
    {
        int rightToWrong = diff.Flips.Count(f => f.Direction == FlipDirection.RightToWrong);
        var section = new ReportSection("Flipped items",
            new ReportParagraph(
                $"{DiffText.Count(rightToWrong)} right → wrong and {DiffText.Count(diff.Flips.Count - rightToWrong)} wrong → right "
                + $"(every one is in {DiffWriter.FlipsFile}). Results keep a hash of each rendered prompt, not its text: \"same\" "
                + "means both sides saw the identical prompt; different hashes are expected across a base and an assistant model "
                + "(chat template)."));
        return section with
        {
            Subsections =
            [
                FlipTable(diff, columns, FlipDirection.RightToWrong, $"Right → wrong ({DiffText.Count(rightToWrong)})"),
                FlipTable(diff, columns, FlipDirection.WrongToRight, $"Wrong → right ({DiffText.Count(diff.Flips.Count - rightToWrong)})"),
            ],
        };
    }

    private static ReportSection FlipTable(RunDiff diff, Columns columns, FlipDirection direction, string heading)
    {
        var flips = diff.Flips.Where(f => f.Direction == direction).ToList();
        if (flips.Count == 0)
        {
            return new ReportSection(heading, new ReportParagraph("None."));
        }

        int max = diff.Options.MaxOutputChars;
        var shown = flips.Take(diff.Options.MaxFlipsShown).ToList();
        var header = columns.Header(["Item", "Seed", "Gold", "Prediction A", "Prediction B", "Output A", "Output B", "Prompt"]);
        var rows = shown.Select(f => columns.Row(f.Group,
        [
            f.A.ItemId, f.A.Seed.ToString(CultureInfo.InvariantCulture),
            string.Equals(f.A.Gold, f.B.Gold, StringComparison.Ordinal) ? DiffText.Cut(f.A.Gold, max) : $"{DiffText.Cut(f.A.Gold, max)} / {DiffText.Cut(f.B.Gold, max)}",
            DiffText.Cut(f.A.Prediction, max), DiffText.Cut(f.B.Prediction, max), DiffText.Cut(f.A.Output, max), DiffText.Cut(f.B.Output, max),
            f.SamePrompt ? $"same {DiffText.Short(f.A.PromptHash)}" : $"{DiffText.Short(f.A.PromptHash)} → {DiffText.Short(f.B.PromptHash)}",
        ])).ToList();
        var blocks = new List<ReportBlock> { new ReportTable(header, rows, heading + ".") };
        if (flips.Count > shown.Count)
        {
            blocks.Add(new ReportParagraph($"… and {DiffText.Count(flips.Count - shown.Count)} more in {DiffWriter.FlipsFile}."));
        }

        return new ReportSection(heading, blocks);
    }

    private static ReportSection Manifests(RunDiff diff)
    {
        if (diff.ManifestDifferences.Count == 0)
        {
            return new ReportSection("Manifest differences",
                new ReportParagraph("None: the config and its hash, every model's identity (sha256, quantization, runtime version), "
                    + "every study's settings (dataset content, sampling, seeds, conditions) and the host agree."));
        }

        var rows = diff.ManifestDifferences
            .Select(d => (IReadOnlyList<string>)[d.Section, d.Setting, DiffText.Setting(d.A), DiffText.Setting(d.B)]).ToList();
        return new ReportSection("Manifest differences",
            new ReportParagraph("Settings recorded in manifest.json that differ (— = absent). Model sections compare the paired models."),
            new ReportTable(["Section", "Setting", "A", "B"], rows, "What differs between the manifests."));
    }

    private static ReportSection? NotCompared(RunDiff diff)
    {
        var m = diff.Match;
        var lines = new List<string>();
        if (m.Counts.FailedA + m.Counts.FailedB > 0)
        {
            lines.Add($"Failed trials (excluded from pairing): A {DiffText.Count(m.Counts.FailedA)}, B {DiffText.Count(m.Counts.FailedB)}.");
        }

        if (m.Counts.UnpairedA + m.Counts.UnpairedB > 0)
        {
            lines.Add($"Ok trials without an ok partner (other items, conditions or seeds, a failed partner, or an unpaired model): "
                + $"A {DiffText.Count(m.Counts.UnpairedA)}, B {DiffText.Count(m.Counts.UnpairedB)}.");
        }

        lines.AddRange(m.StudiesOnlyInA.Select(s => $"Study only in A: {s}."));
        lines.AddRange(m.StudiesOnlyInB.Select(s => $"Study only in B: {s}."));
        foreach (var p in m.Pairings)
        {
            lines.AddRange(p.UnpairedModelsA.Select(x => $"{p.Study}: model {x} of A has no counterpart in B."));
            lines.AddRange(p.UnpairedModelsB.Select(x => $"{p.Study}: model {x} of B has no counterpart in A."));
        }

        return lines.Count == 0 ? null : new ReportSection("Not compared", new ReportParagraph(string.Join("\n", lines)));
    }

    private static string Models(RunResults run) =>
        string.Join(", ", run.Trials.Select(t => t.Model).Distinct(StringComparer.Ordinal));

    private static IReadOnlyList<string> Row(params string[] cells) => cells;

    /// <summary>The leading columns naming a group: the study and model pair only when they vary, then condition and facets.</summary>
    private sealed class Columns(RunDiff diff)
    {
        public bool MultipleStudies { get; } = diff.Groups.Select(g => g.Key.Study).Distinct(StringComparer.Ordinal).Count() > 1;

        /// <summary>More than one model pair: plot labels need them.</summary>
        public bool MultiplePairs { get; } = diff.Groups.Select(g => g.Key.Models).Distinct(StringComparer.Ordinal).Count() > 1;

        /// <summary>Tables show the model pair when there are several, or when models differ across the runs.</summary>
        public bool MultipleModels => MultiplePairs || diff.Groups.Any(g => !string.Equals(g.Key.ModelA, g.Key.ModelB, StringComparison.Ordinal));

        public IReadOnlyList<string> Header(IEnumerable<string> rest) => [.. Lead(["Study", "Models", "Condition", "Facets"]), .. rest];

        public IReadOnlyList<string> Row(DiffGroupKey key, IEnumerable<string> rest) =>
            [.. Lead([key.Study, key.Models, key.Condition, key.Facets.Length == 0 ? DiffText.None : key.Facets]), .. rest];

        private IEnumerable<string> Lead(string[] cells)
        {
            if (MultipleStudies)
            {
                yield return cells[0];
            }

            if (MultipleModels)
            {
                yield return cells[1];
            }

            yield return cells[2];
            yield return cells[3];
        }
    }
}
