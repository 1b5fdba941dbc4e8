using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using MuScore.Server.Telemetry;

namespace MuScore.Server.Diagnostics;

/// <summary>
/// Whether each dependency (Redis, the database) answered last time it was used. During an outage
/// every request sees the failure; logging each one buried the logs (224,000 stack lines in a 70 s
/// outage), so only the transitions are logged: one Warning when a dependency goes down, with the
/// first failure's message and no stack trace, and one Information when it answers again.
/// Every failure is counted (<c>muscore.dependency.failures</c>) when <paramref name="metrics"/> is given.
/// </summary>
internal sealed class DependencyHealth(ILogger<DependencyHealth> logger, ServerMetrics? metrics = null)
{
    /// <summary>The name Redis is tracked and logged under.</summary>
    public const string Redis = "Redis";

    /// <summary>The name the store is tracked and logged under.</summary>
    public const string Database = "database";

    // 1 while down. A box per dependency, so a transition is one Interlocked.Exchange, not a lock.
    private readonly ConcurrentDictionary<string, StrongBox> states = new(StringComparer.Ordinal);

    // The database's box, held apart from the map: every read asks whether the database is down
    // (PointerResolver), and a field read is cheaper than a string-keyed lookup on that path.
    private readonly StrongBox database = new();

    /// <summary>Whether the database is down now: <see cref="IsDown"/> of <see cref="Database"/> without the lookup.</summary>
    public bool DatabaseDown => Volatile.Read(ref database.Down) == 1;

    /// <summary>Whether <paramref name="dependency"/> is down now.</summary>
    public bool IsDown(string dependency) => Find(dependency) is { } state && Volatile.Read(ref state.Down) == 1;

    /// <summary>Records a failure; logs only the first of an outage.</summary>
    public void Failed(string dependency, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        Failed(dependency, exception.Message);
    }

    /// <summary>Records a failure described by <paramref name="reason"/>; logs only the first of an outage.</summary>
    public void Failed(string dependency, string reason)
    {
        metrics?.DependencyFailed(string.Equals(dependency, Database, StringComparison.Ordinal));
        if (Interlocked.Exchange(ref State(dependency).Down, 1) == 0)
        {
            Log.DependencyDown(logger, dependency, LogValues.Cut(reason));
        }
    }

    /// <summary>Records an answer; logs only the first after an outage.</summary>
    public void Succeeded(string dependency)
    {
        // The common case (up and staying up) reads without writing, so healthy calls share no cache line writes.
        if (Find(dependency) is { } state && Volatile.Read(ref state.Down) == 1 && Interlocked.Exchange(ref state.Down, 0) == 1)
        {
            Log.DependencyBack(logger, dependency);
        }
    }

    private StrongBox? Find(string dependency) =>
        string.Equals(dependency, Database, StringComparison.Ordinal) ? database : states.GetValueOrDefault(dependency);

    private StrongBox State(string dependency) =>
        string.Equals(dependency, Database, StringComparison.Ordinal) ? database : states.GetOrAdd(dependency, static _ => new StrongBox());

    private sealed class StrongBox
    {
#pragma warning disable SA1401, CA1051 // A field, so Interlocked can exchange it in place.
        public int Down;
#pragma warning restore SA1401, CA1051
    }
}
