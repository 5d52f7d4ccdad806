using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Studies.Backends.Catalog;
using Studies.Cli.Hosting;
using Studies.Cli.Output;

namespace Studies.Cli.Commands;

/// <summary>`studies models list`: the GGUF files on the model search path, described from their headers.</summary>
internal static class ModelsCommand
{
    public static Command Build()
    {
        var list = new Command("list", "List the models on the search path ($STUDIES_MODELS, ./models, ../shared/models, ~/.cache/studies/models).");
        var json = GlobalOptions.Json();
        var noHash = new Option<bool>("--no-sha256") { Description = "Skip hashing files (hashes are cached by path, size and time)." };
        list.Options.Add(json);
        list.Options.Add(noHash);
        list.SetAction(parse =>
        {
            using var host = CliHost.Build(parse.GetValue(GlobalOptions.Verbose));
            var catalog = host.Services.GetRequiredService<ModelCatalog>();
            var rows = catalog.List().Select(e => new ModelListing(
                e.Name, e.Header?.Architecture, e.Header?.ParameterCount ?? 0, e.Header?.FileType, e.Header?.FileSize ?? 0,
                !string.IsNullOrEmpty(e.Header?.ChatTemplate), e.Header is null || parse.GetValue(noHash) ? null : ModelFileHasher.Sha256(e.Path),
                e.Path, e.Problem)).ToList();
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(rows, CliJsonContext.Default.ListModelListing));
                return 0;
            }

            if (rows.Count == 0)
            {
                AnsiConsole.MarkupLine($"[yellow]No models found.[/] Looked in: {Markup.Escape(string.Join(", ", catalog.SearchPath))}. Put GGUF files there or set STUDIES_MODELS.");
                return 0;
            }

            var table = new Table().Border(TableBorder.Rounded);
            foreach (string column in new[] { "name", "arch", "params", "quant", "size", "chat template", "sha256", "path" })
            {
                table.AddColumn(column);
            }

            foreach (var r in rows)
            {
                table.AddRow(Markup.Escape(r.Name), r.Architecture ?? "[red]unreadable[/]", FormatCount(r.Parameters), r.Quantization ?? "", FormatBytes(r.SizeBytes),
                    r.ChatTemplate ? "yes" : "no", r.Sha256?[..12] ?? "", Markup.Escape(r.Problem ?? r.Path));
            }

            AnsiConsole.Write(table);
            return 0;
        });
        var models = new Command("models", "Models on this machine.");
        models.Subcommands.Add(list);
        return models;
    }

    private static string FormatCount(long n) => n switch
    {
        >= 1_000_000_000 => $"{n / 1e9:0.#}B",
        >= 1_000_000 => $"{n / 1e6:0.#}M",
        >= 1_000 => $"{n / 1e3:0.#}K",
        _ => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static string FormatBytes(long n) => n >= 1 << 20 ? $"{n / 1048576.0:0.0} MiB" : $"{n / 1024.0:0} KiB";
}
