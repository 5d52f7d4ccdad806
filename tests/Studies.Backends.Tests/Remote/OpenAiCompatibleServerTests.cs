using Studies.Backends.Remote;

namespace Studies.Backends.Tests.Remote;

/// <summary>
/// vLLM- and OpenAI-shaped responses (these servers cannot run here): echo scoring, the legacy logprobs shape, and
/// capabilities that refuse what a server cannot do.
/// </summary>
public sealed class OpenAiCompatibleServerTests
{
    private const string Models = """{"object":"list","data":[{"id":"m","object":"model","max_model_len":4096}]}""";

    // "Answer: yes" echoed: tokens "Answer", ":", " yes" and one generated token "!".
    private const string Echo = """
        {"choices":[{"index":0,"text":"Answer: yes!","finish_reason":"length","logprobs":{
          "tokens":["Answer",":"," yes","!"],
          "token_logprobs":[null,-1.5,-0.25,-3.0],
          "top_logprobs":[null,{":":-1.5,"\n":-2.0},{" no":-0.5," yes":-0.25," maybe":-4.0},{"!":-3.0}],
          "text_offset":[0,6,7,11]}}],
         "usage":{"prompt_tokens":3,"completion_tokens":1,"total_tokens":4}}
        """;

    private const string Completion = """
        {"choices":[{"index":0,"text":" there","finish_reason":"stop","stop_reason":"\n","logprobs":{
          "tokens":[" there"],"token_logprobs":[-0.7],"top_logprobs":[{" here":-0.5," there":-0.7}],"text_offset":[5]}}],
         "usage":{"prompt_tokens":2,"completion_tokens":1,"total_tokens":3}}
        """;

    [Fact]
    public async Task Vllm_scores_candidates_from_echoed_prompt_logprobs()
    {
        var stub = new StubServerHandler(new() { ["/v1/models"] = Models, ["/v1/completions"] = Echo });
        await using var model = await Connect(RemoteServerKind.Vllm, stub);
        Assert.Equal(4096, model.Info.ContextLength);
        var result = await model.ScoreAsync(new ScoringRequest { Prefix = ModelPrompt.Raw("Answer:"), Candidates = [" yes"], TopLogprobs = 2 });
        var score = Assert.Single(result.Candidates);
        var token = Assert.Single(score.Tokens);
        Assert.Equal(" yes", token.Text);
        Assert.Equal(-0.25, score.SumLogprob, 1e-9);
        Assert.Equal(1, token.Rank);
        Assert.Equal([" yes", " no"], token.Top!.Select(t => t.Text));
        Assert.Contains(stub.Requests, r => r.Path == "/v1/completions" && r.Body.Contains("\"echo\":true", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Legacy_logprobs_map_to_tokens_with_ranks_and_stop_reason()
    {
        var stub = new StubServerHandler(new() { ["/v1/models"] = Models, ["/v1/completions"] = Completion });
        await using var model = await Connect(RemoteServerKind.Vllm, stub);
        var result = await model.GenerateAsync(new GenerationRequest { Prompt = ModelPrompt.Raw("Hello"), MaxTokens = 4, Stop = ["\n"], TopLogprobs = 1 });
        Assert.Equal(" there", result.Text);
        Assert.Equal(FinishReason.Stop, result.FinishReason);
        var token = Assert.Single(result.Tokens);
        Assert.Equal(2, token.Rank);
        Assert.Equal(-1, token.Id);
        Assert.Equal(" here", Assert.Single(token.Top!).Text);

        // Every sampler is sent explicitly; vLLM's "off" for top-k is -1.
        var body = stub.Requests.Last(r => r.Path == "/v1/completions").Body;
        Assert.Contains("\"top_k\":-1", body, StringComparison.Ordinal);
        Assert.Contains("\"temperature\":0", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAI_refuses_prompt_scoring_and_raw_prompts_with_clear_errors()
    {
        var stub = new StubServerHandler(new() { ["/v1/models"] = Models });
        await using var model = await Connect(RemoteServerKind.OpenAI, stub);
        Assert.False(model.Capabilities.PromptScoring);
        var score = await Assert.ThrowsAsync<CapabilityException>(() =>
            model.ScoreAsync(new ScoringRequest { Prefix = ModelPrompt.Raw("a"), Candidates = ["b"] }));
        Assert.Contains("cannot score prompts", score.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<CapabilityException>(() => model.GenerateAsync(new GenerationRequest { Prompt = ModelPrompt.Raw("a") }));
        await Assert.ThrowsAsync<CapabilityException>(() =>
            model.GenerateAsync(new GenerationRequest { Prompt = ModelPrompt.User("a"), TopLogprobs = 21 }));
        await Assert.ThrowsAsync<CapabilityException>(() =>
            model.SampleAsync(new GenerationRequest { Prompt = ModelPrompt.User("a") }, 65));
    }

    [Fact]
    public async Task A_model_the_server_does_not_serve_is_a_clear_error()
    {
        var stub = new StubServerHandler(new() { ["/v1/models"] = Models });
        var error = await Assert.ThrowsAsync<ModelBackendException>(() => RemoteLanguageModel.ConnectAsync(
            new RemoteBackendOptions { Model = "other", Server = RemoteServerKind.Vllm, Endpoints = ["http://127.0.0.1:9"] }, null, stub, CancellationToken.None));
        Assert.Contains("does not serve model \"other\"", error.Message, StringComparison.Ordinal);
    }

    private static Task<RemoteLanguageModel> Connect(RemoteServerKind kind, StubServerHandler stub) =>
        RemoteLanguageModel.ConnectAsync(new RemoteBackendOptions { Model = "m", Server = kind, Endpoints = ["http://127.0.0.1:9"] }, null, stub, CancellationToken.None);
}
