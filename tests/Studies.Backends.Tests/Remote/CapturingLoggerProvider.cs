using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Studies.Backends.Tests.Remote;

/// <summary>Keeps every log line (all levels, with exceptions) so tests can check what was logged, and what never was.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider, ILoggerFactory
{
    private readonly ConcurrentQueue<(LogLevel Level, string Category, string Text)> _lines = new();

    public IReadOnlyList<(LogLevel Level, string Category, string Text)> Lines => [.. _lines];

    public string AllText => string.Join("\n", _lines.Select(l => $"{l.Level} {l.Category}: {l.Text}"));

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            string text = formatter(state, exception);
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                // Structured values too: a sink could write them even where the message template does not show them.
                text += " | " + string.Join("; ", values.Select(kv => $"{kv.Key}={kv.Value}"));
            }

            owner._lines.Enqueue((logLevel, category, exception is null ? text : $"{text}\n{exception}"));
        }
    }
}
