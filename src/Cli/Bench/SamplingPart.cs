using System.Diagnostics;
using System.Globalization;
using Studies.Backends;
using Studies.Backends.Local;

namespace Studies.Cli.Bench;

/// <summary>
/// Part 3: n = 10 samples of one prompt, as an uncertainty or self-consistency study draws them: one prompt
/// evaluation and the 10 sequences decoded together in one batch per step, against 10 independent requests that each
/// evaluate the prompt and decode alone. Neither side reuses a cached prompt between sets; sample i must equal the
/// independent request with seed + i.
/// </summary>
internal sealed class SamplingPart : IBenchmarkPart
{
    private const int Samples = 10;
    private const int Shots = 8;
    private const int MaxTokens = 32;
    private const double Target = 3;

    public string Key => "sampling";

    public string Baseline => "independent";

    public string Title => $"3. n = {Samples} samples ({Shots}-shot prompt, up to {MaxTokens} tokens, T = 0.8): one prompt evaluation + batched decoding vs {Samples} independent requests";

    public async Task<BenchPartResult> RunAsync(BenchContext context, CancellationToken ct)
    {
        var result = new BenchPartResult(this);
        await using var model = context.Load(new LocalBackendOptions { Threads = context.Threads, PrefixReuse = false });
        string prompt = IclWorkload.Build(Shots, 1)[0].Prompt;
        BenchPrompts.Check(model, prompt);
        var request = new GenerationRequest
        {
            Prompt = ModelPrompt.Raw(prompt),
            MaxTokens = MaxTokens,
            Sampling = new SamplingSettings { Temperature = 0.8f, TopK = 40, TopP = 0.95f, Seed = 1 },
        };

        var batched = new Measurement();
        var independent = new Measurement();
        long batchedTokens = 0, independentTokens = 0, generated = 0;
        bool identical = true;
        await SampleAsync(model, request, ct); // warm-up
        await GenerateEachAsync(model, request, ct);
        for (int round = 1; round <= context.Rounds; round++)
        {
            context.Status($"sampling round {round}/{context.Rounds}");
            for (int r = 0; r < context.Repetitions; r++)
            {
                var seeded = request with { Sampling = request.Sampling with { Seed = (uint)(1000 * round + r * Samples) } };
                var b = await SampleAsync(model, seeded, ct);
                var e = await GenerateEachAsync(model, seeded, ct);
                batched.Add(b.Seconds);
                independent.Add(e.Seconds);
                batchedTokens += b.Tokens;
                independentTokens += e.Tokens;
                generated += b.Results.Sum(x => x.CompletionTokens);
                identical &= b.Results.Select(x => x.Text).SequenceEqual(e.Results.Select(x => x.Text));
            }
        }

        double ratio = independent.Median / batched.Median;
        bool met = result.Target("time", ratio, Target);
        result.Figure("time.batched", batched, "s");
        result.Figure("time.independent", independent, "s");
        int sets = batched.Count;
        double tokenRatio = (double)independentTokens / batchedTokens;
        result.Figure("tokens_per_set.batched", (double)batchedTokens / sets);
        result.Figure("tokens_per_set.independent", (double)independentTokens / sets);
        result.Figure("tokens_ratio", tokenRatio);
        result.Figure("generated_tokens_per_set", (double)generated / sets);
        result.Figure("samples_identical", identical);

        result.Row(new BenchRow($"wall time per set of {Samples}, ms", Ms(batched), Ms(independent), ratio, $"independent/batched >= {Target:0}", met));
        result.Row(new BenchRow("tokens evaluated per set", ((double)batchedTokens / sets).ToString("N0", CultureInfo.InvariantCulture),
            ((double)independentTokens / sets).ToString("N0", CultureInfo.InvariantCulture), tokenRatio, "", null));
        result.Row(new BenchRow("sample i = independent request with seed + i", identical ? "yes" : "NO", "", null, "", null));
        return result;
    }

    private static string Ms(Measurement seconds) => string.Create(CultureInfo.InvariantCulture,
        $"{seconds.Mean * 1000:N1} ± {seconds.StandardDeviation * 1000:N1} (median {seconds.Median * 1000:N1})");

    private static async Task<Set> SampleAsync(LocalLanguageModel model, GenerationRequest request, CancellationToken ct)
    {
        long before = model.EvaluatedTokens;
        var clock = Stopwatch.StartNew();
        var results = await model.SampleAsync(request, Samples, ct);
        return new Set(clock.Elapsed.TotalSeconds, model.EvaluatedTokens - before, results);
    }

    private static async Task<Set> GenerateEachAsync(LocalLanguageModel model, GenerationRequest request, CancellationToken ct)
    {
        long before = model.EvaluatedTokens;
        var clock = Stopwatch.StartNew();
        var results = new List<GenerationResult>(Samples);
        for (int i = 0; i < Samples; i++)
        {
            results.Add(await model.GenerateAsync(request with { Sampling = request.Sampling with { Seed = request.Sampling.Seed + (uint)i } }, ct));
        }

        return new Set(clock.Elapsed.TotalSeconds, model.EvaluatedTokens - before, results);
    }

    private sealed record Set(double Seconds, long Tokens, IReadOnlyList<GenerationResult> Results);
}
