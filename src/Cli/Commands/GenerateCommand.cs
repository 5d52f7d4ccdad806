using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Studies.Backends;
using Studies.Backends.Local;
using Studies.Cli.Hosting;
using Studies.Cli.Output;

namespace Studies.Cli.Commands;

/// <summary>`studies generate`: one generation from a local model, a probe for trying prompts and settings.</summary>
internal static class GenerateCommand
{
    public static Command Build()
    {
        var model = GlobalOptions.Model();
        var prompt = new Option<string>("--prompt", "-p") { Description = "The prompt text.", Required = true };
        var maxTokens = new Option<int>("--max-tokens", "-n") { Description = "Most tokens to generate.", DefaultValueFactory = _ => 64 };
        var seed = new Option<uint>("--seed") { Description = "Sampling seed.", DefaultValueFactory = _ => 0 };
        var temperature = new Option<float>("--temperature") { Description = "0 = greedy.", DefaultValueFactory = _ => 0f };
        var topK = new Option<int>("--top-k") { Description = "Top-k filter (0 = off).", DefaultValueFactory = _ => 0 };
        var topP = new Option<float>("--top-p") { Description = "Top-p filter (1 = off).", DefaultValueFactory = _ => 1f };
        var minP = new Option<float>("--min-p") { Description = "Min-p filter (0 = off).", DefaultValueFactory = _ => 0f };
        var topLogprobs = new Option<int>("--top-logprobs") { Description = "Alternatives to report per token.", DefaultValueFactory = _ => 0 };
        var stop = new Option<string[]>("--stop") { Description = "Stop string (repeatable).", AllowMultipleArgumentsPerToken = false };
        var chat = new Option<bool>("--chat") { Description = "Send the prompt as a user message through the model's chat template." };
        var json = GlobalOptions.Json();
        var threads = GlobalOptions.Threads();
        var template = GlobalOptions.ChatTemplate();
        var command = new Command("generate", "Generate a continuation with a local model.")
        {
            model, prompt, maxTokens, seed, temperature, topK, topP, minP, topLogprobs, stop, chat, json, threads, template,
        };
        command.SetAction(async (parse, ct) =>
        {
            using var host = CliHost.Build(parse.GetValue(GlobalOptions.Verbose));
            await using var llm = host.Services.GetRequiredService<ModelLoader>().LoadLocal(
                parse.GetValue(model)!, new LocalBackendOptions { Threads = parse.GetValue(threads), ChatTemplate = parse.GetValue(template) });
            string text = parse.GetValue(prompt)!;
            var request = new GenerationRequest
            {
                Prompt = parse.GetValue(chat) ? ModelPrompt.User(text) : ModelPrompt.Raw(text),
                MaxTokens = parse.GetValue(maxTokens),
                TopLogprobs = parse.GetValue(topLogprobs),
                Stop = parse.GetValue(stop) ?? [],
                Sampling = new SamplingSettings
                {
                    Temperature = parse.GetValue(temperature), TopK = parse.GetValue(topK), TopP = parse.GetValue(topP),
                    MinP = parse.GetValue(minP), Seed = parse.GetValue(seed),
                },
            };
            var result = await llm.GenerateAsync(request, ct);
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(result, CliJsonContext.Default.GenerationResult));
                return 0;
            }

            Console.WriteLine(result.Text);
            var t = result.Timings;
            double tps = t.GenerationMs > 0 ? result.CompletionTokens / (t.GenerationMs / 1000) : 0;
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"[{result.FinishReason}; {result.PromptTokens} prompt + {result.CompletionTokens} generated tokens; sum logprob {result.SumLogprob:F3}; {tps:F0} tokens/s]"));
            return 0;
        });
        return command;
    }
}
