using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Studies.Backends;
using Studies.Backends.Local;
using Studies.Cli.Hosting;
using Studies.Cli.Output;

namespace Studies.Cli.Commands;

/// <summary>`studies score`: teacher-forced log-likelihood of candidate continuations after one prefix.</summary>
internal static class ScoreCommand
{
    public static Command Build()
    {
        var model = GlobalOptions.Model();
        var prefix = new Option<string>("--prefix") { Description = "The shared prefix.", Required = true };
        var candidates = new Option<string[]>("--candidate", "-c") { Description = "A candidate continuation (repeat for each).", Required = true };
        var chat = new Option<bool>("--chat") { Description = "Send the prefix as a user message through the chat template." };
        var topLogprobs = new Option<int>("--top-logprobs") { Description = "Alternatives to report per token.", DefaultValueFactory = _ => 0 };
        var json = GlobalOptions.Json();
        var threads = GlobalOptions.Threads();
        var template = GlobalOptions.ChatTemplate();
        var command = new Command("score", "Score candidate continuations of a prefix with a local model (one prefix evaluation for all).")
        {
            model, prefix, candidates, chat, topLogprobs, json, threads, template,
        };
        command.SetAction(async (parse, ct) =>
        {
            using var host = CliHost.Build(parse.GetValue(GlobalOptions.Verbose));
            await using var llm = host.Services.GetRequiredService<ModelLoader>().LoadLocal(
                parse.GetValue(model)!, new LocalBackendOptions { Threads = parse.GetValue(threads), ChatTemplate = parse.GetValue(template) });
            string text = parse.GetValue(prefix)!;
            var result = await llm.ScoreAsync(new ScoringRequest
            {
                Prefix = parse.GetValue(chat) ? ModelPrompt.User(text) : ModelPrompt.Raw(text),
                Candidates = parse.GetValue(candidates)!,
                TopLogprobs = parse.GetValue(topLogprobs),
            }, ct);
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(result, CliJsonContext.Default.ScoringResult));
                return 0;
            }

            var best = result.Candidates.MaxBy(c => c.SumLogprob);
            foreach (var c in result.Candidates)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{(c == best ? "*" : " ")} {c.SumLogprob,10:F4}  (mean {c.MeanLogprob:F4}, {c.Tokens.Count} tokens)  {JsonSerializer.Serialize(c.Candidate, CliJsonContext.Default.String)}"));
            }

            return 0;
        });
        return command;
    }
}
