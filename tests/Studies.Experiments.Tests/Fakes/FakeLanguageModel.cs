using System.Security.Cryptography;
using System.Text;
using Studies.Backends;

namespace Studies.Experiments.Tests.Fakes;

/// <summary>
/// A deterministic in-memory model for engine tests: its output is a function of the prompt and seed; prompts
/// containing "FAIL" throw a <see cref="ModelBackendException"/>; characters in <see cref="Unencodable"/> (by default the section sign) cannot be
/// encoded; an optional gate holds generations in flight (to test graceful stopping).
/// </summary>
public sealed class FakeLanguageModel(string name, BackendCapabilities? capabilities = null) : ILanguageModel
{
    private int _calls;

    public ModelInfo Info { get; init; } = new()
    {
        Name = name,
        Backend = "fake",
        Location = "memory://" + name,
        ContextLength = 512,
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name))),
        RuntimeVersion = "fake-1",
    };

    public BackendCapabilities Capabilities { get; } = capabilities ?? new BackendCapabilities
    {
        PromptScoring = true,
        MaxTopLogprobs = 10,
        GenerationLogprobs = true,
        MaxSamples = 8,
        RawCompletion = true,
        Chat = true,
        Deterministic = true,
    };

    public string Unencodable { get; init; } = "\u00a7";

    /// <summary>When set, every generation waits for it (it sees only the trial's abort token).</summary>
    public SemaphoreSlim? Gate { get; init; }

    /// <summary>Raised when a generation starts.</summary>
    public Action? Started { get; init; }

    public int Calls => Volatile.Read(ref _calls);

    public bool Disposed { get; private set; }

    public async Task<GenerationResult> GenerateAsync(GenerationRequest request, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        Started?.Invoke();
        if (Gate is not null)
        {
            await Gate.WaitAsync(cancellationToken);
        }

        string prompt = Render(request.Prompt);
        if (prompt.Contains("FAIL", StringComparison.Ordinal))
        {
            throw new ModelBackendException("The fake model was asked to fail.");
        }

        string text = Output(prompt, request.Sampling.Seed);
        return new GenerationResult(text, [], FinishReason.Stop, CountTokens(prompt), 1, new GenerationTimings(0, 0, CountTokens(prompt), 0));
    }

    public async Task<IReadOnlyList<GenerationResult>> SampleAsync(GenerationRequest request, int n, CancellationToken cancellationToken = default)
    {
        var results = new List<GenerationResult>();
        for (int i = 0; i < n; i++)
        {
            results.Add(await GenerateAsync(request with { Sampling = request.Sampling with { Seed = request.Sampling.Seed + (uint)i } }, cancellationToken));
        }

        return results;
    }

    public Task<ScoringResult> ScoreAsync(ScoringRequest request, CancellationToken cancellationToken = default)
    {
        string prefix = Render(request.Prefix);
        var scores = request.Candidates.Select(c => new CandidateScore(c, -(Hash(prefix + c) % 1000) / 100.0, [])).ToArray();
        return Task.FromResult(new ScoringResult(scores, CountTokens(prefix), CountTokens(prefix), 0));
    }

    public string Render(ModelPrompt prompt) =>
        prompt.IsChat ? string.Concat(prompt.Messages!.Select(m => $"<{m.Role}>{m.Content}</{m.Role}>")) + "<assistant>" : prompt.Text!;

    public IReadOnlyList<string> FindUnencodable(string text) =>
        text.Where(c => Unencodable.Contains(c)).Select(c => c.ToString()).Distinct().ToArray();

    public int CountTokens(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    public ValueTask DisposeAsync()
    {
        Disposed = true;
        return ValueTask.CompletedTask;
    }

    private static string Output(string prompt, uint seed) => (Hash(prompt) + seed) % 2 == 0 ? "happy" : "sad";

    private static uint Hash(string s)
    {
        uint h = 2166136261;
        foreach (char c in s)
        {
            h = (h ^ c) * 16777619;
        }

        return h;
    }
}
