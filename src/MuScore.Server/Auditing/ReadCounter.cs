using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace MuScore.Server.Auditing;

/// <summary>
/// Counts reads per caller, method and hour in memory: a read does not change what is in force,
/// and a log entry per call would cost more than the call and bury the changes. The counts are
/// appended to the audit log by <see cref="ReadCountFlusher"/>.
/// </summary>
internal sealed class ReadCounter(TimeProvider time)
{
    private readonly ConcurrentDictionary<Key, StrongBox<long>> counts = new();

    /// <summary>Counts one read (lock-free on the hot path: one dictionary lookup, one interlocked add).</summary>
    public void Count(string caller, string method)
    {
        var hour = time.GetUtcNow().ToUnixTimeSeconds() / 3600;
        var box = counts.GetOrAdd(new Key(caller, method, hour), static _ => new StrongBox<long>());
        Interlocked.Increment(ref box.Value);
    }

    /// <summary>Everything counted since the last call, and starts counting afresh.</summary>
    public IReadOnlyList<(string Caller, string Method, DateTimeOffset Hour, long Count)> Drain()
    {
        // Each count is taken and zeroed in one atomic exchange, so a read landing meanwhile is
        // counted in this drain or the next, never lost. Boxes of past hours are dropped once empty.
        var currentHour = time.GetUtcNow().ToUnixTimeSeconds() / 3600;
        var drained = new List<(string Caller, string Method, DateTimeOffset Hour, long Count)>();
        foreach (var (key, box) in counts)
        {
            var count = Interlocked.Exchange(ref box.Value, 0);
            if (count > 0)
            {
                drained.Add((key.Caller, key.Method, DateTimeOffset.FromUnixTimeSeconds(key.Hour * 3600), count));
            }

            if (key.Hour < currentHour && Interlocked.Read(ref box.Value) == 0)
            {
                counts.TryRemove(key, out _);
            }
        }

        return [.. drained.OrderBy(e => e.Hour).ThenBy(e => e.Caller, StringComparer.Ordinal).ThenBy(e => e.Method, StringComparer.Ordinal)];
    }

    private readonly record struct Key(string Caller, string Method, long Hour);
}
