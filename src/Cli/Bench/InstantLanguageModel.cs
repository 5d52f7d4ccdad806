using Studies.Backends;

namespace Studies.Cli.Bench;

/// <summary>
/// A backend that answers at once (completed tasks, fixed answers): with it, a run's wall time is the scheduler's and
/// the result store's own overhead. Scores depend on the prompt's length, so records differ from trial to trial.
/// </summary>
internal sealed class InstantLanguageModel : ILanguageModel
{
    public ModelInfo Info { get; } = new()
    {
        Name = "instant",
        Backend = "instant",
        Location = "memory://instant",
        ContextLength = 4096,
        Sha256 = new string('0', 64),
        RuntimeVersion = "instant",
    };

    public BackendCapabilities Capabilities { get; } = new() { PromptScoring = true, RawCompletion = true, Deterministic = true };

    public Task<GenerationResult> GenerateAsync(GenerationRequest request, CancellationToken cancellationToken = default) =>
        Task.FromResult(new GenerationResult(" happy", [], FinishReason.Stop, request.Prompt.Text?.Length ?? 0, 1, new GenerationTimings(0, 0, 0, 0)));

    public async Task<IReadOnlyList<GenerationResult>> SampleAsync(GenerationRequest request, int n, CancellationToken cancellationToken = default)
    {
        var results = new GenerationResult[n];
        for (int i = 0; i < n; i++)
        {
            results[i] = await GenerateAsync(request, cancellationToken);
        }

        return results;
    }

    public Task<ScoringResult> ScoreAsync(ScoringRequest request, CancellationToken cancellationToken = default)
    {
        int length = request.Prefix.Text?.Length ?? 0;
        var candidates = new CandidateScore[request.Candidates.Count];
        for (int i = 0; i < candidates.Length; i++)
        {
            candidates[i] = new CandidateScore(request.Candidates[i], -1.0 - ((length + 7 * i) % 13) / 4.0, []);
        }

        return Task.FromResult(new ScoringResult(candidates, length, length, 0));
    }

    public string Render(ModelPrompt prompt) => prompt.Text ?? "";

    public IReadOnlyList<string> FindUnencodable(string text) => [];

    public int CountTokens(string text) => text.Length;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
