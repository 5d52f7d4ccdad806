using Studies.Analysis.Reports;
using Studies.Backends;
using Studies.Backends.Local;

namespace Studies.Analysis.TokenShift;

/// <summary>
/// Token distribution shift (Lin et al. 2023, "The Unlocking Spell on Base LLMs", URIAL): the assistant answers each
/// prompt; the base model is then forced through the exact same context and answer tokens, and at every answer
/// position we read the base model's rank of the assistant's token. Mostly rank 1 means tuning changed style more than
/// knowledge.
/// </summary>
/// <remarks>
/// Both models must share a tokenizer (a base model and its fine-tune): token ids are compared, not strings, so the
/// base model sees exactly the tokens the assistant produced, even where they are not the canonical tokenization of the
/// answer text. The base model gets the assistant's rendered chat text as a raw prompt, as URIAL does.
/// </remarks>
public static class TokenShiftAnalyzer
{
    public static Task<TokenShiftReport> AnalyzeAsync(
        LocalLanguageModel baseModel,
        LocalLanguageModel assistantModel,
        IReadOnlyList<ModelPrompt> prompts,
        int maxTokens,
        CancellationToken cancellationToken = default) =>
        AnalyzeAsync(baseModel, assistantModel, prompts, maxTokens, TokenShiftOptions.Default, cancellationToken);

    public static async Task<TokenShiftReport> AnalyzeAsync(
        LocalLanguageModel baseModel,
        LocalLanguageModel assistantModel,
        IReadOnlyList<ModelPrompt> prompts,
        int maxTokens,
        TokenShiftOptions? options,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(baseModel);
        ArgumentNullException.ThrowIfNull(assistantModel);
        ArgumentNullException.ThrowIfNull(prompts);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTokens, 1);
        options ??= TokenShiftOptions.Default;
        if (baseModel.Info.VocabularySize != assistantModel.Info.VocabularySize)
        {
            throw new ArgumentException(
                $"{baseModel.Info.Name} ({baseModel.Info.VocabularySize} tokens) and {assistantModel.Info.Name} ({assistantModel.Info.VocabularySize} tokens) " +
                "do not share a tokenizer; token shift compares token ids, so it needs a base model and its own fine-tune.", nameof(assistantModel));
        }

        var results = new List<TokenShiftPromptResult>(prompts.Count);
        for (int i = 0; i < prompts.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            results.Add(await AnalyzePromptAsync(baseModel, assistantModel, prompts[i], i, maxTokens, options, cancellationToken).ConfigureAwait(false));
        }

        return TokenShiftAggregator.Aggregate(baseModel.Info.Name, assistantModel.Info.Name, maxTokens, results, options);
    }

    /// <summary>Report sections (tables and figures) for a finished analysis.</summary>
    public static ReportSection ToReportSection(TokenShiftReport report, int examplePrompts = 5) =>
        TokenShiftSection.Build(report, examplePrompts);

    private static async Task<TokenShiftPromptResult> AnalyzePromptAsync(
        LocalLanguageModel baseModel,
        LocalLanguageModel assistantModel,
        ModelPrompt prompt,
        int index,
        int maxTokens,
        TokenShiftOptions options,
        CancellationToken cancellationToken)
    {
        string context = assistantModel.Render(prompt);
        var contextTokens = assistantModel.Tokenize(context);
        if (!contextTokens.SequenceEqual(baseModel.Tokenize(context)))
        {
            throw new ArgumentException(
                $"Prompt {index} tokenizes differently under {baseModel.Info.Name} and {assistantModel.Info.Name}: the models do not share a tokenizer.",
                nameof(assistantModel));
        }

        var generation = await assistantModel.GenerateAsync(new GenerationRequest
        {
            Prompt = prompt,
            MaxTokens = maxTokens,
            Sampling = options.Sampling,
            Stop = options.Stop,
        }, cancellationToken).ConfigureAwait(false);

        var answer = AnswerTokens(assistantModel, generation, options.IncludeStopSequence);
        if (answer.Count == 0)
            return new TokenShiftPromptResult(index, context, generation.Text, generation.FinishReason, []);

        // The exact context + answer ids, one prefix evaluation; top-1 gives what the base model would have said instead.
        var scored = await baseModel.ScoreTokensAsync(ModelPrompt.Raw(context), [answer.Select(t => t.Id).ToArray()], topLogprobs: 1, cancellationToken).ConfigureAwait(false);
        var baseTokens = scored.Candidates[0].Tokens;
        var positions = new TokenShiftPosition[answer.Count];
        for (int j = 0; j < answer.Count; j++)
        {
            var b = baseTokens[j];
            if (b.Id != answer[j].Id)
                throw new InvalidOperationException($"The base model scored token {b.Id} at position {j + 1} where the assistant produced {answer[j].Id}.");
            string top = b.Top is { Count: > 0 } alternatives ? alternatives[0].Text : "";
            positions[j] = new TokenShiftPosition(j + 1, b.Id, answer[j].Text, b.Rank, b.Logprob, answer[j].Logprob, top);
        }

        return new TokenShiftPromptResult(index, context, generation.Text, generation.FinishReason, positions);
    }

    /// <summary>
    /// The generated tokens that make up the answer text. Generation stops after the tokens that complete a stop string,
    /// and the returned text is cut before it; tokens that start at or after the cut belong to the stop string.
    /// </summary>
    private static IReadOnlyList<TokenLogprob> AnswerTokens(LocalLanguageModel model, GenerationResult generation, bool includeStop)
    {
        var tokens = generation.Tokens;
        if (includeStop || generation.FinishReason != FinishReason.Stop)
            return tokens;

        int keep = 0;
        var ids = tokens.Select(t => t.Id).ToArray();
        while (keep < ids.Length && model.Detokenize(ids[..keep]).Length < generation.Text.Length)
            keep++;
        return tokens.Take(keep).ToArray();
    }
}
