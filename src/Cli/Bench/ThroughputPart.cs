using System.Diagnostics;
using System.Globalization;
using Studies.Backends;
using Studies.Backends.Gguf;
using Studies.Backends.Local;

namespace Studies.Cli.Bench;

/// <summary>
/// Part 1: uncached prompt processing (pp128, pp512) and generation (tg128) in tokens/s through the public API of the
/// local backend, against llama-bench on the same model and threads. Like llama-bench: warm-up, then repetitions; a
/// pp test evaluates a prompt of exactly that many tokens (BOS included) with prefix reuse off and samples one token,
/// a tg test generates 128 tokens greedily after BOS (128 decodes, as llama-bench's). Rounds alternate the sides.
/// Ratios compare medians (see <see cref="Measurement"/>). Targets hold like for like — the backend with llama-bench's
/// default attention settings (F16 KV cache, flash attention) against llama-bench — and for the backend's defaults
/// (F32 KV, no flash attention, for scores that do not depend on how a prompt was batched) against llama-bench at the
/// faster of its settings (llama-bench cannot use an F32 cache). F16 without flash attention, neither side's default,
/// is reported for reference.
/// </summary>
internal sealed class ThroughputPart : IBenchmarkPart
{
    private const double Target = 0.9;
    private const int Generated = 128;
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(2);
    private static readonly int[] Prompts = [128, 512];

    public string Key => "throughput";

    public string Baseline => "llama-bench";

    public string Title => "1. Tokens/s: local backend vs llama.cpp's llama-bench (same model, same threads)";

    public async Task<BenchPartResult> RunAsync(BenchContext context, CancellationToken ct)
    {
        var result = new BenchPartResult(this);
        await context.LlamaBench.LocateAsync(ct); // a first build must not land inside a timing
        int trained = GgufReader.Read(context.ModelPath).ContextLength;
        // pp512 needs a context longer than 512 tokens, which TinyStories-656K (trained on 512) lacks.
        int contextLength = Math.Max(trained, Prompts.Max() + Generated);
        var ours = new Side[]
        {
            new("studies_f16_fa", Ours(context, contextLength, kvF16: true, flashAttention: true)),
            new("studies_f16", Ours(context, contextLength, kvF16: true, flashAttention: false)),
            new("studies_defaults", Ours(context, contextLength, kvF16: false, flashAttention: false)),
        };
        var baselines = new Side[] { new("llama_bench", Settings: []), new("llama_bench_fa_off", Settings: ["-fa", "off"]) };
        var tests = Prompts.Select(p => $"pp{p}").Append($"tg{Generated}").ToArray();
        long allocated = 0, generated = 0;

        var models = new List<LocalLanguageModel>();
        try
        {
            foreach (var side in ours)
            {
                models.Add(context.Load(side.Options!));
            }

            var requests = BuildRequests(models[0]);
            // Warm-up: graph allocation and caches, as llama-bench's; for .NET also until the JIT has finished
            // promoting the hot paths to optimized code (its background thread would otherwise run during timings).
            foreach (var model in models)
            {
                var warm = Stopwatch.StartNew();
                for (int w = 0; w < 3 || (warm.Elapsed < WarmUp && w < 100); w++)
                {
                    foreach (var t in tests)
                    {
                        await RunOnceAsync(model, requests[t], ct);
                    }
                }
            }

            for (int round = 1; round <= context.Rounds; round++)
            {
                // Alternate which side goes first, so a burst of load elsewhere does not favour one side.
                bool baselineFirst = round % 2 == 1;
                if (baselineFirst)
                {
                    await RunBaselinesAsync(context, baselines, tests, round, ct);
                }

                context.Status($"throughput round {round}/{context.Rounds}: local backend");
                for (int m = 0; m < models.Count; m++)
                {
                    foreach (var t in tests)
                    {
                        for (int r = 0; r < context.Repetitions; r++)
                        {
                            long before = GC.GetTotalAllocatedBytes(precise: false);
                            var (seconds, tokens) = await RunOnceAsync(models[m], requests[t], ct);
                            if (ours[m].Key == "studies_defaults" && t.StartsWith("tg", StringComparison.Ordinal))
                            {
                                allocated += GC.GetTotalAllocatedBytes(precise: false) - before;
                                generated += tokens;
                            }

                            ours[m][t].Add(tokens / seconds);
                        }
                    }
                }

                if (!baselineFirst)
                {
                    await RunBaselinesAsync(context, baselines, tests, round, ct);
                }
            }
        }
        finally
        {
            foreach (var model in models)
            {
                await model.DisposeAsync();
            }
        }

        var (fast, f16, defaults) = (ours[0], ours[1], ours[2]);
        var (bench, benchFaOff) = (baselines[0], baselines[1]);
        foreach (var t in tests)
        {
            foreach (var side in ours.Concat(baselines))
            {
                result.Figure($"{t}.{side.Key}", side[t], "tps");
            }
        }

        Compare(result, tests, "", "like for like: F16 KV + flash attention on both sides", fast, _ => bench);
        Compare(result, tests, ".defaults", "Studies defaults (F32 KV, no flash attention: exact scores) vs llama-bench's faster setting", defaults,
            t => bench[t].Median >= benchFaOff[t].Median ? bench : benchFaOff);
        Compare(result, tests, ".fa_off", "F16 KV, no flash attention on both sides (llama-bench -fa off; neither side's default)", f16, _ => benchFaOff, target: false);

        double perToken = generated > 0 ? (double)allocated / generated : 0;
        result.Figure("tg.managed_bytes_per_token", perToken);
        result.Row(new BenchRow("managed bytes allocated per generated token (its result objects included)",
            perToken.ToString("N0", CultureInfo.InvariantCulture), "", null, "", null));
        result.Figure("llama_bench_build", context.LlamaBench.Build);
        return result;
    }

    private static LocalBackendOptions Ours(BenchContext context, int contextLength, bool kvF16, bool flashAttention) => new()
    {
        Threads = context.Threads, PrefixReuse = false, ContextLength = contextLength, KvCacheF16 = kvF16, FlashAttention = flashAttention,
    };

    /// <summary>One target per test: our side's median tokens/s over the baseline's, at least <see cref="Target"/>.</summary>
    private static void Compare(BenchPartResult result, IReadOnlyList<string> tests, string suffix, string label, Side ours, Func<string, Side> baseline, bool target = true)
    {
        foreach (var t in tests)
        {
            var other = baseline(t);
            double ratio = ours[t].Median / other[t].Median;
            bool? met = null;
            if (target)
            {
                met = result.Target(t + suffix, ratio, Target);
            }
            else
            {
                result.Figure($"{t}{suffix}_ratio", ratio);
            }

            result.Row(new BenchRow($"{t} tokens/s, {label}", ours[t].Format(), $"{other[t].Format()} [{other.Key}]", ratio, target ? $">= {Target:0.0#}" : "for reference", met));
        }
    }

    private static Dictionary<string, GenerationRequest> BuildRequests(LocalLanguageModel model)
    {
        var requests = new Dictionary<string, GenerationRequest>();
        foreach (int p in Prompts)
        {
            requests[$"pp{p}"] = new GenerationRequest { Prompt = ModelPrompt.Raw(BenchPrompts.OfLength(model, p)), MaxTokens = 1 };
        }

        // Generation starts right after BOS, as llama-bench's tg test does.
        string start = model.Tokenize("", addSpecial: true).Count > 0 ? "" : BenchPrompts.OfLength(model, 1);
        requests[$"tg{Generated}"] = new GenerationRequest { Prompt = ModelPrompt.Raw(start), MaxTokens = Generated };
        return requests;
    }

    /// <summary>One timed call; the tokens it processed are the prompt's (pp) or the generated ones (tg).</summary>
    private static async Task<(double Seconds, int Tokens)> RunOnceAsync(LocalLanguageModel model, GenerationRequest request, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var r = await model.GenerateAsync(request, ct);
        double seconds = clock.Elapsed.TotalSeconds;
        return (seconds, request.MaxTokens == 1 ? r.PromptTokens : r.CompletionTokens);
    }

    private static async Task RunBaselinesAsync(BenchContext context, IReadOnlyList<Side> baselines, IReadOnlyList<string> tests, int round, CancellationToken ct)
    {
        foreach (var side in baselines)
        {
            context.Status($"throughput round {round}/{context.Rounds}: llama-bench {string.Join(' ', side.Settings!)}");
            var results = await context.LlamaBench.RunAsync(context.ModelPath, context.Threads, Prompts, Generated, context.Repetitions, side.Settings!, ct);
            foreach (var t in results.Where(t => tests.Contains(t.Name)))
            {
                side[t.Name].AddRange(t.TokensPerSecond);
            }
        }
    }

    /// <summary>One side of a comparison (our backend with options, or llama-bench with settings) and its tokens/s per test.</summary>
    private sealed record Side(string Key, LocalBackendOptions? Options = null, IReadOnlyList<string>? Settings = null)
    {
        private readonly Dictionary<string, Measurement> _tests = new(StringComparer.Ordinal);

        public Measurement this[string test] => _tests.TryGetValue(test, out var m) ? m : _tests[test] = new Measurement();
    }
}
