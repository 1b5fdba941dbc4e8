using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace MuScore.TestSupport.Server;

/// <summary>One line the server logged.</summary>
public sealed record LogEntry(LogLevel Level, string Category, string Message);

/// <summary>
/// A logging provider that keeps what the server logs in memory, so a test can read what an
/// operator would see (e.g. the security warnings at start). Add it to a builder's logging before
/// <c>ServerHost.Build</c>, or pass it as <see cref="ServerSettings.Logs"/>.
/// </summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> entries = new();

    /// <summary>Every entry so far, in the order logged.</summary>
    public IReadOnlyList<LogEntry> Entries => [.. entries];

    /// <inheritdoc/>
    public ILogger CreateLogger(string categoryName) => new Logger(entries, categoryName);

    /// <inheritdoc/>
    public void Dispose()
    {
        // Nothing to release; the entries stay readable after the server is gone.
    }

    private sealed class Logger(ConcurrentQueue<LogEntry> entries, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue(new LogEntry(logLevel, category, formatter(state, exception)));
    }
}
