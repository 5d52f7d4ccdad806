namespace Studies.Backends;

/// <summary>
/// One model served by one backend (local llama.cpp or a remote server). Every study talks to models only through
/// this interface; what a backend can do is declared in <see cref="Capabilities"/> so that studies are validated
/// before they run.
/// </summary>
public interface ILanguageModel : IAsyncDisposable
{
    ModelInfo Info { get; }

    BackendCapabilities Capabilities { get; }

    /// <summary>Generates one continuation of the prompt.</summary>
    Task<GenerationResult> GenerateAsync(GenerationRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Draws <paramref name="n"/> samples from one prompt. Sample i uses seed <c>request.Sampling.Seed + i</c>, so each
    /// sample is reproducible on its own. Backends that can evaluate the prompt once and decode the samples together do.
    /// </summary>
    Task<IReadOnlyList<GenerationResult>> SampleAsync(GenerationRequest request, int n, CancellationToken cancellationToken = default);

    /// <summary>Teacher-forced log-likelihood of each candidate continuation given the prefix.</summary>
    Task<ScoringResult> ScoreAsync(ScoringRequest request, CancellationToken cancellationToken = default);

    /// <summary>The exact text the model sees for a prompt (chat template applied for chat prompts).</summary>
    string Render(ModelPrompt prompt);

    /// <summary>Characters of <paramref name="text"/> the model's vocabulary cannot encode (empty when all can).</summary>
    IReadOnlyList<string> FindUnencodable(string text);

    /// <summary>Token count of a text as the model would see it (used to check context limits before running).</summary>
    int CountTokens(string text);
}
