using System.Globalization;
using Spectre.Console;
using Studies.Cli.Output;
using Studies.Experiments.Scheduling;

namespace Studies.Cli.Progress;

/// <summary>
/// Shows a run's progress on stderr: a Spectre.Console live table (trials done / total per study, trials/s,
/// tokens/s, ETA) on a terminal, or one plain line every few seconds when output is redirected (logs, CI).
/// Thread-safe: the scheduler calls it from background threads.
/// </summary>
internal sealed class ConsoleRunProgress : IRunProgress, IDisposable
{
    private static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(5);

    private readonly IAnsiConsole _console;
    private readonly bool _interactive;
    private readonly Lock _gate = new();
    private RunSnapshot? _latest;
    private DateTime _lastPlain = DateTime.MinValue;
    private Task? _liveTask;
    private TaskCompletionSource? _liveDone;
    private int _failuresShown;

    public ConsoleRunProgress()
    {
        _console = StderrConsole.Create();
        _interactive = !Console.IsErrorRedirected && _console.Profile.Capabilities.Interactive;

    }

    public void StageChanged(RunStage stage, string detail) =>
        WriteLine($"[grey]{Markup.Escape(stage.ToString().ToLowerInvariant())}[/] {Markup.Escape(detail)}");

    public void RunStarted(RunSnapshot snapshot)
    {
        WriteLine($"[bold]{snapshot.Total}[/] trials planned, {snapshot.Skipped} already done; results in [blue]{Markup.Escape(snapshot.Folder)}[/]");
        lock (_gate)
        {
            _latest = snapshot;
            if (_interactive && _liveTask is null)
            {
                _liveDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _liveTask = _console.Live(Render(snapshot)).AutoClear(false).StartAsync(async ctx =>
                {
                    while (!_liveDone.Task.IsCompleted)
                    {
                        await Task.WhenAny(_liveDone.Task, Task.Delay(250)).ConfigureAwait(false);
                        RunSnapshot? s;
                        lock (_gate)
                        {
                            s = _latest;
                        }

                        if (s is not null)
                        {
                            ctx.UpdateTarget(Render(s));
                        }
                    }
                });
            }
        }
    }

    public void Progress(RunSnapshot snapshot)
    {
        lock (_gate)
        {
            _latest = snapshot;
        }

        if (!_interactive && DateTime.UtcNow - _lastPlain >= PlainInterval)
        {
            _lastPlain = DateTime.UtcNow;
            WriteLine(Markup.Escape(PlainLine(snapshot)));
        }
    }

    public void TrialFailed(TrialFailure failure)
    {
        // The first few failures are shown; all are in trials.jsonl and the report.
        if (Interlocked.Increment(ref _failuresShown) <= 5)
        {
            WriteLine($"[yellow]trial failed[/] {Markup.Escape($"{failure.Study}/{failure.Condition}/{failure.ItemId} on {failure.Model}: {failure.ErrorType}: {failure.Message}")}");
        }
    }

    public void RunFinished(RunSnapshot snapshot, RunStatus status)
    {
        StopLive(snapshot);
        if (!_interactive)
        {
            WriteLine(Markup.Escape(PlainLine(snapshot)));
        }
    }

    public void Dispose() => StopLive(null);

    internal static string PlainLine(RunSnapshot s) => string.Create(CultureInfo.InvariantCulture,
        $"{s.Completed}/{s.Total} trials ({s.Failed} failed), {s.TrialsPerSecond:F1} trials/s, {s.TokensPerSecond:F0} tokens/s, elapsed {Format(s.Elapsed)}, ETA {(s.Eta is { } eta ? Format(eta) : "?")}");

    private void StopLive(RunSnapshot? final)
    {
        Task? live;
        lock (_gate)
        {
            if (final is not null)
            {
                _latest = final;
            }

            live = _liveTask;
            _liveDone?.TrySetResult();
            _liveTask = null;
        }

        live?.GetAwaiter().GetResult();
    }

    private void WriteLine(string markup)
    {
        lock (_gate)
        {
            _console.MarkupLine(markup);
        }
    }

    private static Table Render(RunSnapshot s)
    {
        var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape(PlainLine(s)));
        table.AddColumn("study");
        table.AddColumn(new TableColumn("done").RightAligned());
        table.AddColumn(new TableColumn("failed").RightAligned());
        table.AddColumn("progress");
        foreach (var study in s.Studies)
        {
            double fraction = study.Total == 0 ? 1 : (double)study.Completed / study.Total;
            int width = 30;
            int filled = (int)Math.Round(fraction * width);
            table.AddRow(Markup.Escape(study.Study), $"{study.Completed}/{study.Total}", study.Failed > 0 ? $"[yellow]{study.Failed}[/]" : "0",
                $"[green]{new string('━', filled)}[/][grey]{new string('━', width - filled)}[/] {fraction:P0}");
        }

        return table;
    }

    private static string Format(TimeSpan t) => t.TotalHours >= 1 ? t.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture) : t.ToString(@"m\:ss", CultureInfo.InvariantCulture);
}
