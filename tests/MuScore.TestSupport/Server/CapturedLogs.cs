using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MuScore.TestSupport.Server;

/// <summary>One line the server logged.</summary>
public sealed record LogEntry(LogLevel Level, string Category, string Message)
{
    /// <summary>The event's name (e.g. "UnexpectedFailure"), when it has one.</summary>
    public string? EventName { get; init; }

    /// <summary>The exception logged with it, if any.</summary>
    public Exception? Exception { get; init; }
}

/// <summary>
/// A logging provider that keeps what the server logs in memory, so a test can read what an
/// operator would see (e.g. the security warnings at start, or that a cancelled call logged no
/// failure). Add it to a builder's logging before <c>ServerHost.Build</c>, pass it as
/// <see cref="ServerSettings.Logs"/>, or attach it to a running server with <see cref="Of"/>.
/// </summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> entries = new();

    /// <summary>Every entry so far, in the order logged.</summary>
    public IReadOnlyList<LogEntry> Entries => [.. entries];

    /// <summary>Starts capturing what <paramref name="server"/> logs from now on (levels filtered as it is configured).</summary>
    public static CapturedLogs Of(ServerInstance server)
    {
        ArgumentNullException.ThrowIfNull(server);
        var logs = new CapturedLogs();
        server.Services.GetRequiredService<ILoggerFactory>().AddProvider(logs);
        return logs;
    }

    /// <summary>The entries of the event named <paramref name="eventName"/>.</summary>
    public IReadOnlyList<LogEntry> Named(string eventName) => [.. entries.Where(e => e.EventName == eventName)];

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
            entries.Enqueue(new LogEntry(logLevel, category, formatter(state, exception)) { EventName = eventId.Name, Exception = exception });
    }
}
