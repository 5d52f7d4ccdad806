using System.Diagnostics;
using System.Globalization;
using Studies.Backends;
using Studies.Backends.Local;

namespace Studies.Cli.Bench;

/// <summary>
/// Part 2: an ICL label-scoring workload (k = 8 demonstrations, 4 labels, 200 items) scored the Studies way (prefix
/// reuse across items, all labels in one pass over one prompt evaluation) and the naive way of harnesses that score
/// through an API (every label a separate request that evaluates the whole prompt). Both must pick the same labels.
/// </summary>
internal sealed class IclScoringPart : IBenchmarkPart
{
    private const int Shots = 8;
    private const int Items = 200;
    private const double TokensTarget = 5;
    private const double TimeTarget = 3;

    public string Key => "icl";

    public string Baseline => "naive";

    public string Title => $"2. ICL label scoring (k = {Shots}, {IclWorkload.Labels.Length} labels, {Items} items): prefix reuse + one-pass candidates vs naive per-candidate evaluation";

    public async Task<BenchPartResult> RunAsync(BenchContext context, CancellationToken ct)
    {
        var result = new BenchPartResult(this);
        var workload = IclWorkload.Build(Shots, Items);
        await using var studies = context.Load(new LocalBackendOptions { Threads = context.Threads });
        await using var naive = context.Load(new LocalBackendOptions { Threads = context.Threads, PrefixReuse = false });
        BenchPrompts.Check(studies, workload[0].Prompt + string.Concat(IclWorkload.Labels));
        string unrelated = BenchPrompts.OfLength(studies, 16);

        // Concurrent trials: as many requests at once as the model has contexts (one per core by default).
        await using var concurrent = context.Load(new LocalBackendOptions { Threads = context.Threads });
        var concurrentTime = new Measurement();
        await ScoreAllAsync(concurrent, [unrelated], ct);

        var studiesTime = new Measurement();
        var naiveTime = new Measurement();
        long studiesTokens = 0, naiveTokens = 0;
        int[] studiesChoice = [], naiveChoice = [];
        double maxDifference = 0;
        bool concurrentAgree = true;
        await ScoreAllAsync(studies, [unrelated], ct); // warm-up on another prompt: the demonstrations start uncached
        await ScoreEachAsync(naive, [unrelated], ct);
        for (int round = 1; round <= context.Rounds; round++)
        {
            context.Status($"icl round {round}/{context.Rounds}: naive per-candidate scoring");
            var n = await ScoreEachAsync(naive, workload.Select(w => w.Prompt).ToArray(), ct);
            naiveTime.Add(n.Seconds);
            naiveTokens = n.Tokens;
            context.Status($"icl round {round}/{context.Rounds}: prefix reuse + one-pass scoring");
            await ScoreAllAsync(studies, [unrelated], ct); // evict the previous round's demonstrations
            var s = await ScoreAllAsync(studies, workload.Select(w => w.Prompt).ToArray(), ct);
            studiesTime.Add(s.Seconds);
            studiesTokens = s.Tokens;
            studiesChoice = s.Choices;
            if (concurrent.Contexts > 1)
            {
                context.Status($"icl round {round}/{context.Rounds}: {concurrent.Contexts} concurrent requests on {concurrent.Contexts} contexts");
                await ScoreAllAsync(concurrent, [unrelated], ct);
                var p = await ScoreConcurrentlyAsync(concurrent, workload.Select(w => w.Prompt).ToArray(), ct);
                concurrentTime.Add(p.Seconds);
                concurrentAgree &= p.Choices.SequenceEqual(s.Choices);
            }

            naiveChoice = n.Choices;
            maxDifference = Math.Max(maxDifference, s.Scores.Zip(n.Scores, (a, b) => Math.Abs(a - b)).Max());
        }

        double tokenRatio = (double)naiveTokens / studiesTokens;
        double timeRatio = naiveTime.Median / studiesTime.Median;
        bool tokensMet = result.Target("tokens", tokenRatio, TokensTarget);
        bool timeMet = result.Target("time", timeRatio, TimeTarget);
        result.Figure("tokens.studies", studiesTokens);
        result.Figure("tokens.naive", naiveTokens);
        result.Figure("time.studies", studiesTime, "s");
        result.Figure("time.naive", naiveTime, "s");
        bool agree = studiesChoice.SequenceEqual(naiveChoice);
        result.Figure("choices_agree", agree);
        result.Figure("max_logprob_difference", maxDifference);
        double accuracy = studiesChoice.Zip(workload, (c, w) => c == w.Gold ? 1.0 : 0.0).Average();
        result.Figure("accuracy", accuracy);

        result.Row(new BenchRow("tokens evaluated", studiesTokens.ToString("N0", CultureInfo.InvariantCulture), naiveTokens.ToString("N0", CultureInfo.InvariantCulture),
            tokenRatio, $"naive/ours >= {TokensTarget:0}", tokensMet));
        result.Row(new BenchRow("wall time, s", studiesTime.Format(3), naiveTime.Format(3), timeRatio, $"naive/ours >= {TimeTarget:0}", timeMet));
        result.Row(new BenchRow("same label chosen for every item", agree ? "yes" : "NO",
            string.Create(CultureInfo.InvariantCulture, $"max |logprob diff| {maxDifference:G2}"), null, "", null));
        if (concurrentTime.Count > 0)
        {
            double speedup = studiesTime.Median / concurrentTime.Median;
            result.Figure("time.studies_concurrent", concurrentTime, "s");
            result.Figure("concurrency_speedup_ratio", speedup);
            result.Figure("concurrent_choices_agree", concurrentAgree);
            result.Row(new BenchRow($"wall time, s: {concurrent.Contexts} requests at once on {concurrent.Contexts} contexts (baseline: one at a time)",
                concurrentTime.Format(3), studiesTime.Format(3), speedup, "for reference", null));
        }

        return result;
    }

    /// <summary>The Studies way with concurrent trials: one request per item, as many at once as there are contexts.</summary>
    private static async Task<Pass> ScoreConcurrentlyAsync(LocalLanguageModel model, IReadOnlyList<string> prompts, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var pass = new Pass(prompts.Count);
        var scores = new double[prompts.Count][];
        int next = -1;
        await Task.WhenAll(Enumerable.Range(0, model.Contexts).Select(async _ =>
        {
            for (int i = Interlocked.Increment(ref next); i < prompts.Count; i = Interlocked.Increment(ref next))
            {
                var r = await model.ScoreAsync(new ScoringRequest { Prefix = ModelPrompt.Raw(prompts[i]), Candidates = IclWorkload.Labels }, ct);
                scores[i] = r.Candidates.Select(c => c.SumLogprob).ToArray();
            }
        }));
        pass.Seconds = clock.Elapsed.TotalSeconds;
        for (int i = 0; i < prompts.Count; i++)
        {
            pass.Record(i, scores[i]);
        }

        return pass;
    }

    /// <summary>The Studies way: one request per item with all labels.</summary>
    private static async Task<Pass> ScoreAllAsync(LocalLanguageModel model, IReadOnlyList<string> prompts, CancellationToken ct)
    {
        long before = model.EvaluatedTokens;
        var clock = Stopwatch.StartNew();
        var pass = new Pass(prompts.Count);
        for (int i = 0; i < prompts.Count; i++)
        {
            var r = await model.ScoreAsync(new ScoringRequest { Prefix = ModelPrompt.Raw(prompts[i]), Candidates = IclWorkload.Labels }, ct);
            pass.Record(i, r.Candidates.Select(c => c.SumLogprob).ToArray());
        }

        pass.Seconds = clock.Elapsed.TotalSeconds;
        pass.Tokens = model.EvaluatedTokens - before;
        return pass;
    }

    /// <summary>The naive way: one request per item and label, each evaluating prompt and label from scratch.</summary>
    private static async Task<Pass> ScoreEachAsync(LocalLanguageModel model, IReadOnlyList<string> prompts, CancellationToken ct)
    {
        long before = model.EvaluatedTokens;
        var clock = Stopwatch.StartNew();
        var pass = new Pass(prompts.Count);
        var scores = new double[IclWorkload.Labels.Length];
        for (int i = 0; i < prompts.Count; i++)
        {
            for (int l = 0; l < IclWorkload.Labels.Length; l++)
            {
                var r = await model.ScoreAsync(new ScoringRequest { Prefix = ModelPrompt.Raw(prompts[i]), Candidates = [IclWorkload.Labels[l]] }, ct);
                scores[l] = r.Candidates[0].SumLogprob;
            }

            pass.Record(i, scores);
        }

        pass.Seconds = clock.Elapsed.TotalSeconds;
        pass.Tokens = model.EvaluatedTokens - before;
        return pass;
    }

    /// <summary>One pass over the items: time, tokens evaluated, the chosen label and every score.</summary>
    private sealed class Pass(int items)
    {
        private readonly List<double> _scores = [];

        public int[] Choices { get; } = new int[items];

        public IReadOnlyList<double> Scores => _scores;

        public double Seconds { get; set; }

        public long Tokens { get; set; }

        public void Record(int item, double[] scores)
        {
            Choices[item] = Array.IndexOf(scores, scores.Max());
            _scores.AddRange(scores);
        }
    }
}
