using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Studies.Analysis.Reports;
using Studies.Analysis.TokenShift;
using Studies.Backends;
using Studies.Backends.Local;
using Studies.Cli.Hosting;
using Studies.Cli.Output;

namespace Studies.Cli.Commands;

/// <summary>
/// `studies shift`: the token distribution shift of Lin et al. 2023 (URIAL). The assistant answers each prompt; the
/// base model is forced through that answer and its rank of each assistant token is reported.
/// </summary>
internal static class ShiftCommand
{
    public static Command Build()
    {
        var baseModel = new Option<string>("--base") { Description = "The base model (name or path).", Required = true };
        var assistant = new Option<string>("--assistant") { Description = "The assistant model fine-tuned from it (same tokenizer).", Required = true };
        var prompts = new Option<string>("--prompts") { Description = "User prompts: a text file with one per line, or JSONL with a \"prompt\" field.", Required = true };
        var output = new Option<string?>("--out", "-o") { Description = "Folder for shift.md and shift.html (default: shift-<base>-<assistant>)." };
        var maxTokens = new Option<int>("--max-tokens", "-n") { Description = "Longest assistant answer.", DefaultValueFactory = _ => 48 };
        var threads = GlobalOptions.Threads();
        var command = new Command("shift", "Token distribution shift between a base model and its assistant (Lin et al. 2023).")
        {
            baseModel, assistant, prompts, output, maxTokens, threads,
        };
        command.SetAction(async (parse, ct) =>
        {
            var texts = ReadPrompts(parse.GetValue(prompts)!);
            using var host = CliHost.Build(parse.GetValue(GlobalOptions.Verbose));
            var loader = host.Services.GetRequiredService<ModelLoader>();
            var options = new LocalBackendOptions { Threads = parse.GetValue(threads) };
            await using var b = loader.LoadLocal(parse.GetValue(baseModel)!, options);
            await using var a = loader.LoadLocal(parse.GetValue(assistant)!, options);
            var report = await TokenShiftAnalyzer.AnalyzeAsync(b, a, texts.Select(ModelPrompt.User).ToList(), parse.GetValue(maxTokens), ct);
            string folder = parse.GetValue(output) ?? $"shift-{b.Info.Name}-{a.Info.Name}";
            Directory.CreateDirectory(folder);
            var document = new ReportDocument($"Token distribution shift: {b.Info.Name} -> {a.Info.Name}", [TokenShiftAnalyzer.ToReportSection(report)]);
            await MarkdownReportWriter.WriteAsync(document, Path.Combine(folder, "shift.md"), ct);
            await HtmlReportWriter.WriteAsync(document, Path.Combine(folder, "shift.html"), ct);
            var f = report.Fractions;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{f.Tokens} assistant tokens over {texts.Count} prompts: unshifted {f.Unshifted.Estimate:P1}, marginal {f.Marginal.Estimate:P1}, shifted {f.Shifted.Estimate:P1}"));
            Console.WriteLine(Path.Combine(folder, "shift.md"));
            return 0;
        });
        return command;
    }

    private static List<string> ReadPrompts(string path)
    {
        if (!File.Exists(path))
        {
            throw new UserInputException($"{path}: prompts file not found.");
        }

        var prompts = new List<string>();
        int line = 0;
        foreach (string raw in File.ReadLines(path))
        {
            line++;
            string text = raw.Trim();
            if (text.Length == 0)
            {
                continue;
            }

            if (text.StartsWith('{'))
            {
                try
                {
                    using var json = JsonDocument.Parse(text);
                    text = json.RootElement.TryGetProperty("prompt", out var p) && p.ValueKind == JsonValueKind.String
                        ? p.GetString()!
                        : throw new UserInputException($"{path}:{line}: a JSON line needs a string field \"prompt\".");
                }
                catch (JsonException e)
                {
                    throw new UserInputException($"{path}:{line}: not valid JSON ({e.Message}).");
                }
            }

            prompts.Add(text);
        }

        return prompts.Count > 0 ? prompts : throw new UserInputException($"{path}: no prompts in the file.");
    }
}
