using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Spectre.Console;

namespace Studies.Cli.Bench;

/// <summary>Prints the bench as tables with ratios and targets, and writes every figure as flat JSON.</summary>
internal static class BenchReport
{
    public static void Write(IAnsiConsole console, BenchSummary summary)
    {
        console.MarkupLine($"[bold]studies bench[/]: {Markup.Escape(summary.Model)}, {summary.Threads} thread(s) per context on both sides");
        console.MarkupLine($"machine: {Markup.Escape(summary.Machine.ToString())}");
        console.MarkupLine($"load average before / after: {Markup.Escape(summary.LoadBefore)} / {Markup.Escape(summary.LoadAfter)}");
        foreach (var part in summary.Parts)
        {
            var table = new Table().Border(TableBorder.Rounded).Title($"[bold]{Markup.Escape(part.Title)}[/]");
            table.AddColumn("measure");
            table.AddColumn(new TableColumn("Studies").RightAligned());
            table.AddColumn(new TableColumn(Markup.Escape(part.Baseline)).RightAligned());
            table.AddColumn(new TableColumn("ratio").RightAligned());
            table.AddColumn("target");
            table.AddColumn("met");
            foreach (var row in part.Rows)
            {
                table.AddRow(
                    Markup.Escape(row.Measure), Markup.Escape(row.Studies), Markup.Escape(row.Baseline),
                    row.Ratio is { } r ? r.ToString("0.00", CultureInfo.InvariantCulture) : "",
                    Markup.Escape(row.Target),
                    row.Met switch { true => "[green]yes[/]", false => "[red]NO[/]", null => "" });
            }

            table.Caption(string.Create(CultureInfo.InvariantCulture, $"peak memory (RSS) during this part: {part.PeakMemoryBytes / 1048576.0:N1} MiB"));
            console.Write(table);
        }

        var targets = summary.Targets;
        console.MarkupLine(targets.All(t => t.Met)
            ? $"[green]All {targets.Count} targets met.[/]"
            : $"[red]{targets.Count(t => !t.Met)} of {targets.Count} targets not met:[/] {Markup.Escape(string.Join(", ", targets.Where(t => !t.Met).Select(t => t.Key)))}");
    }

    public static void WriteJson(string path, BenchSummary summary)
    {
        var json = new JsonObject
        {
            ["model"] = summary.Model,
            ["threads"] = summary.Threads,
            ["repetitions"] = summary.Repetitions,
            ["rounds"] = summary.Rounds,
            ["machine.cpu"] = summary.Machine.Cpu,
            ["machine.cores"] = summary.Machine.Cores,
            ["machine.memory_bytes"] = summary.Machine.MemoryBytes,
            ["machine.os"] = summary.Machine.OperatingSystem,
            ["machine.dotnet"] = summary.Machine.DotNet,
            ["machine.llama_cpp"] = summary.Machine.LlamaCpp,
            ["machine.load_average_before"] = summary.LoadBefore,
            ["machine.load_average_after"] = summary.LoadAfter,
        };
        foreach (var part in summary.Parts)
        {
            foreach (var (key, value) in part.Figures)
            {
                json[$"{part.Key}.{key}"] = value?.DeepClone();
            }

            json[$"{part.Key}.peak_memory_bytes"] = part.PeakMemoryBytes;
        }

        json["all_targets_met"] = summary.Targets.All(t => t.Met);
        string? dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null)
        {
            Directory.CreateDirectory(dir);
        }

        File.WriteAllText(path, json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
    }
}
