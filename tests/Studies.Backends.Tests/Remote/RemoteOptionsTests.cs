using Studies.Backends.Remote;

namespace Studies.Backends.Tests.Remote;

/// <summary>Server kinds, capability defaults and overrides, and configuration errors (no server needed).</summary>
public sealed class RemoteOptionsTests
{
    [Theory]
    [InlineData("llama-server", RemoteServerKind.LlamaServer)]
    [InlineData("vllm", RemoteServerKind.Vllm)]
    [InlineData("OpenAI", RemoteServerKind.OpenAI)]
    [InlineData("ollama", RemoteServerKind.Ollama)]
    public void Server_kinds_parse_from_their_yaml_names(string name, RemoteServerKind kind)
    {
        Assert.Equal(kind, RemoteServerKinds.Parse(name));
        Assert.Equal(kind, RemoteServerKinds.Parse(kind.ToName()));
    }

    [Fact]
    public void An_unknown_server_kind_names_the_valid_ones()
    {
        var error = Assert.Throws<ModelBackendException>(() => RemoteServerKinds.Parse("tgi"));
        Assert.Contains("llama-server, vllm, openai, ollama", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Capabilities_are_honest_per_server_kind()
    {
        Assert.True(RemoteCapabilityDefaults.For(RemoteServerKind.LlamaServer).PromptScoring);
        Assert.True(RemoteCapabilityDefaults.For(RemoteServerKind.Vllm).PromptScoring);
        Assert.False(RemoteCapabilityDefaults.For(RemoteServerKind.OpenAI).PromptScoring);
        Assert.False(RemoteCapabilityDefaults.For(RemoteServerKind.OpenAI).RawCompletion);
        Assert.False(RemoteCapabilityDefaults.For(RemoteServerKind.Ollama).PromptScoring);
        Assert.Equal(20, RemoteCapabilityDefaults.For(RemoteServerKind.OpenAI).MaxTopLogprobs);

        var overridden = RemoteCapabilityDefaults.Resolve(RemoteServerKind.Vllm, new RemoteCapabilityOverrides { MaxTopLogprobs = 50, PromptScoring = false });
        Assert.Equal(50, overridden.MaxTopLogprobs);
        Assert.False(overridden.PromptScoring);
        Assert.True(overridden.Chat);
    }

    [Theory]
    [InlineData(new string[0], "no endpoints")]
    [InlineData(new[] { "localhost:8080" }, "not an http(s) URL")]
    [InlineData(new[] { "http://user:secret@127.0.0.1:8080" }, "credentials in its URL")]
    public async Task Bad_endpoints_are_clear_errors(string[] endpoints, string expected)
    {
        var error = await Assert.ThrowsAsync<ModelBackendException>(() =>
            RemoteLanguageModel.ConnectAsync(new RemoteBackendOptions { Model = "m", Endpoints = endpoints }));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Retry_after_is_read_as_seconds_or_as_a_date()
    {
        var now = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal(TimeSpan.FromSeconds(3), TransientFailures.RetryAfter("3", now));
        Assert.Equal(TimeSpan.FromSeconds(10), TransientFailures.RetryAfter(now.AddSeconds(10).ToString("R"), now));
        Assert.Null(TransientFailures.RetryAfter((string?)null, now));
    }

    [Fact]
    public void Forced_token_grammar_names_token_ids()
    {
        Assert.Equal("root ::= <[12]> <[345]>", ForcedTokenScorer.Grammar([12, 345]));
    }
}
