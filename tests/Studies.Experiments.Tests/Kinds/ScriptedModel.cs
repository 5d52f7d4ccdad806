using Studies.Backends;

namespace Studies.Experiments.Tests.Kinds;

/// <summary>
/// A fake model with scripted replies that records every call, so the kinds' call sequences, follow-up prompts and
/// score arithmetic can be checked exactly. Chat prompts render as "[user]text[/user][assistant]".
/// </summary>
internal sealed class ScriptedModel : ILanguageModel
{
    private readonly Lock _gate = new();

    /// <summary>The reply to a generation, by rendered prompt.</summary>
    public Func<string, string> Reply { get; init; } = _ => "";

    /// <summary>Sample i's reply, by rendered prompt.</summary>
    public Func<string, int, string> SampleReply { get; init; } = (_, _) => "";

    /// <summary>Candidate log-likelihoods, by rendered prefix and candidate.</summary>
    public Func<string, string, double> Score { get; init; } = (_, _) => -1;

    /// <summary>Characters this fake vocabulary cannot encode.</summary>
    public string Unencodable { get; init; } = "";

    public List<string> Calls { get; } = [];

    public List<GenerationRequest> Generations { get; } = [];

    public List<ScoringRequest> Scorings { get; } = [];

    public ModelInfo Info { get; } = new() { Name = "scripted", Backend = "test", Location = "memory" };

    public BackendCapabilities Capabilities { get; } = new()
    {
        PromptScoring = true, MaxTopLogprobs = 10, GenerationLogprobs = true, MaxSamples = 64, RawCompletion = true, Chat = true, Deterministic = true,
    };

    public string Render(ModelPrompt prompt) =>
        prompt.IsChat ? string.Concat(prompt.Messages!.Select(m => $"[{m.Role}]{m.Content}[/{m.Role}]")) + "[assistant]" : prompt.Text!;

    public Task<GenerationResult> GenerateAsync(GenerationRequest request, CancellationToken cancellationToken = default)
    {
        string prompt = Render(request.Prompt);
        lock (_gate)
        {
            Calls.Add("generate: " + prompt);
            Generations.Add(request);
        }

        return Task.FromResult(Result(Reply(prompt), prompt));
    }

    public Task<IReadOnlyList<GenerationResult>> SampleAsync(GenerationRequest request, int n, CancellationToken cancellationToken = default)
    {
        string prompt = Render(request.Prompt);
        lock (_gate)
        {
            Calls.Add($"sample {n}: " + prompt);
            Generations.Add(request);
        }

        return Task.FromResult<IReadOnlyList<GenerationResult>>([.. Enumerable.Range(0, n).Select(i => Result(SampleReply(prompt, i), prompt))]);
    }

    public Task<ScoringResult> ScoreAsync(ScoringRequest request, CancellationToken cancellationToken = default)
    {
        string prefix = Render(request.Prefix);
        lock (_gate)
        {
            Calls.Add("score: " + prefix);
            Scorings.Add(request);
        }

        var candidates = request.Candidates.Select(c => new CandidateScore(c, Score(prefix, c), [new TokenLogprob(1, c, (float)Score(prefix, c), 1)])).ToList();
        return Task.FromResult(new ScoringResult(candidates, CountTokens(prefix), CountTokens(prefix) + request.Candidates.Count, 0));
    }

    public IReadOnlyList<string> FindUnencodable(string text) =>
        [.. text.Where(c => Unencodable.Contains(c)).Select(c => c.ToString()).Distinct()];

    /// <summary>One token per whitespace-separated word.</summary>
    public int CountTokens(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    // Each word is a token of log-probability -0.5.
    private GenerationResult Result(string text, string prompt)
    {
        var tokens = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select((w, i) => new TokenLogprob(i, w, -0.5f, 1)).ToList();
        return new GenerationResult(text, tokens, FinishReason.Stop, CountTokens(prompt), tokens.Count,
            new GenerationTimings(0, 0, CountTokens(prompt), 0));
    }
}
