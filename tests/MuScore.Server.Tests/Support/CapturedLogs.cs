using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MuScore.TestSupport.Server;

namespace MuScore.Server.Tests.Support;

/// <summary>
/// Every log event a running server writes from now on, kept in memory: added to the server's own
/// logger factory, so the events are the ones its configured loggers see (levels filtered as configured).
/// </summary>
internal sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEvent> events = new();

    private CapturedLogs()
    {
    }

    /// <summary>The events so far, in order.</summary>
    public IReadOnlyList<LogEvent> Events => [.. events];

    /// <summary>Starts capturing the events of <paramref name="server"/>.</summary>
    public static CapturedLogs Of(ServerInstance server)
    {
        var logs = new CapturedLogs();
        server.Services.GetRequiredService<ILoggerFactory>().AddProvider(logs);
        return logs;
    }

    /// <summary>The events named <paramref name="eventName"/> (e.g. "UnexpectedFailure").</summary>
    public IReadOnlyList<LogEvent> Named(string eventName) => [.. events.Where(e => e.EventName == eventName)];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs logs, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            logs.events.Enqueue(new LogEvent(category, logLevel, eventId.Name, formatter(state, exception), exception));
    }
}

/// <summary>One captured log event.</summary>
internal sealed record LogEvent(string Category, LogLevel Level, string? EventName, string Message, Exception? Exception);
