using System.Text.Json;

namespace Studies.Cli.Tests;

/// <summary>`models list`, `generate` and `score` through the real program, and their errors.</summary>
public sealed class ProbeCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("studies-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task ModelsListShowsTheSharedModels()
    {
        var (code, stdout, _) = await StudiesProcess.RunAsync(_dir, "models", "list", "--json");
        Assert.Equal(0, code);
        var rows = JsonDocument.Parse(stdout).RootElement.EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString()!);
        Assert.True(rows.ContainsKey("stories260K") && rows.ContainsKey("TinyStories-656K-chat"));
        Assert.True(rows["TinyStories-656K-chat"].GetProperty("chat_template").GetBoolean());
        Assert.Equal("270cba1bd5109f42d03350f60406024560464db173c0e387d91f0426d3bd256d", rows["stories260K"].GetProperty("sha256").GetString());

        var (tableCode, table, _) = await StudiesProcess.RunAsync(_dir, "models", "list");
        Assert.Equal(0, tableCode);
        Assert.Contains("stories260K", table);
    }

    [Fact]
    public async Task GenerateJsonCarriesTextTokensLogprobsAndAlternatives()
    {
        var (code, stdout, stderr) = await StudiesProcess.RunAsync(_dir, "generate", "--model", "stories260K", "--prompt", "Once upon a time",
            "--max-tokens", "8", "--seed", "3", "--temperature", "0.8", "--top-logprobs", "2", "--json");
        Assert.True(code == 0, stderr);
        var json = JsonDocument.Parse(stdout).RootElement;
        var tokens = json.GetProperty("tokens").EnumerateArray().ToList();
        Assert.Equal(8, tokens.Count);
        Assert.Equal(json.GetProperty("text").GetString(), string.Concat(tokens.Select(t => t.GetProperty("text").GetString())));
        Assert.All(tokens, t => Assert.Equal(2, t.GetProperty("top").GetArrayLength()));
        Assert.Equal("Length", json.GetProperty("finish_reason").GetString());

        var (_, again, _) = await StudiesProcess.RunAsync(_dir, "generate", "--model", "stories260K", "--prompt", "Once upon a time",
            "--max-tokens", "8", "--seed", "3", "--temperature", "0.8", "--top-logprobs", "2", "--json");
        // Same seed, same output: everything but the timings is identical.
        var a = JsonDocument.Parse(again).RootElement;
        Assert.Equal(json.GetProperty("text").GetString(), a.GetProperty("text").GetString());
        Assert.Equal(json.GetProperty("tokens").GetRawText(), a.GetProperty("tokens").GetRawText());
    }

    [Fact]
    public async Task ScoreJsonHasPerCandidateSumsAndTokens()
    {
        var (code, stdout, stderr) = await StudiesProcess.RunAsync(_dir, "score", "--model", "stories260K-chat", "--chat",
            "--prefix", "Tom lost his red ball and cried. Is Tom happy or sad?", "--candidate", "Happy.", "--candidate", "Sad.", "--json");
        Assert.True(code == 0, stderr);
        var candidates = JsonDocument.Parse(stdout).RootElement.GetProperty("candidates").EnumerateArray().ToList();
        Assert.Equal(["Happy.", "Sad."], candidates.Select(c => c.GetProperty("candidate").GetString()));
        foreach (var c in candidates)
        {
            double sum = c.GetProperty("tokens").EnumerateArray().Sum(t => t.GetProperty("logprob").GetDouble());
            Assert.Equal(sum, c.GetProperty("sum_logprob").GetDouble(), 1e-4);
        }
    }

    [Fact]
    public async Task MissingModelIsOneClearErrorWithoutStackTrace()
    {
        var (code, stdout, stderr) = await StudiesProcess.RunAsync(_dir, "generate", "--model", "no-such-model", "--prompt", "x");
        Assert.Equal(2, code);
        Assert.Contains("model not found", stderr);
        Assert.DoesNotContain("   at ", stderr);
        Assert.Empty(stdout);
    }

    [Fact]
    public async Task CorruptModelFileIsOneClearError()
    {
        string path = Path.Combine(_dir, "broken.gguf");
        byte[] bytes = File.ReadAllBytes(Path.Combine(StudiesProcess.SharedModels, "stories260K.gguf"));
        File.WriteAllBytes(path, bytes[..(bytes.Length / 3)]);
        var (code, _, stderr) = await StudiesProcess.RunAsync(_dir, "generate", "--model", path, "--prompt", "x");
        Assert.Equal(2, code);
        Assert.Contains("truncated", stderr);
        Assert.DoesNotContain("   at ", stderr);
    }

    [Fact]
    public async Task UnencodableTextAndOverlongPromptAreClearErrors()
    {
        var (code, _, stderr) = await StudiesProcess.RunAsync(_dir, "generate", "--model", "TinyStories-656K", "--prompt", "Le café #1");
        Assert.Equal(2, code);
        Assert.Contains("cannot encode", stderr);
        Assert.Contains("U+00E9", stderr);

        string longPrompt = string.Concat(Enumerable.Repeat("Tom and Lily play with a ball. ", 300));
        var (code2, _, stderr2) = await StudiesProcess.RunAsync(_dir, "score", "--model", "TinyStories-656K", "--prefix", longPrompt, "--candidate", " yes");
        Assert.Equal(2, code2);
        Assert.Contains("holds 512", stderr2);
    }
}

/// <summary>`studies shift`: the URIAL token distribution shift between a base model and its assistant.</summary>
public sealed class ShiftCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("studies-shift-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task ShiftReportsFractionsAndWritesAReport()
    {
        File.WriteAllLines(Path.Combine(_dir, "prompts.txt"), ["Tom lost his red ball and cried. Is Tom happy or sad?", "{\"prompt\": \"Is the sky blue?\"}"]);
        var (code, stdout, stderr) = await StudiesProcess.RunAsync(_dir, "shift", "--base", "stories260K", "--assistant", "stories260K-chat", "--prompts", "prompts.txt", "--out", "shift");
        Assert.True(code == 0, stderr);
        Assert.Matches(@"\d+ assistant tokens over 2 prompts: unshifted [\d.]+ ?%, marginal [\d.]+ ?%, shifted [\d.]+ ?%", stdout);
        Assert.True(File.Exists(Path.Combine(_dir, "shift", "shift.html")));

        // Forcing the assistant through its own answers: every token is its own first choice.
        var (selfCode, self, selfErr) = await StudiesProcess.RunAsync(_dir, "shift", "--base", "stories260K-chat", "--assistant", "stories260K-chat", "--prompts", "prompts.txt", "--out", "self");
        Assert.True(selfCode == 0, selfErr);
        Assert.Contains("unshifted 100", self);
    }

    [Fact]
    public async Task MissingPromptsFileIsAClearError()
    {
        var (code, _, stderr) = await StudiesProcess.RunAsync(_dir, "shift", "--base", "stories260K", "--assistant", "stories260K-chat", "--prompts", "nope.txt");
        Assert.Equal(2, code);
        Assert.Contains("prompts file not found", stderr);
    }
}
