using System.Collections.Concurrent;

namespace MuScore.Server.Caching;

/// <summary>
/// Publishes (region, year) whose announcement to Redis (pointer move and pub/sub message) has
/// not gone through yet. While a region is listed, this instance does not trust the Redis pointer
/// of that region, and the maintenance loop keeps retrying the announcement.
/// </summary>
internal sealed class PendingInvalidations
{
    private readonly ConcurrentDictionary<(string Region, int Year), long> pending = new();
    private long stamp;

    /// <summary>Lists a publish; the stamp lets a retry complete only the listing it started from.</summary>
    public long Add(string region, int year)
    {
        var value = Interlocked.Increment(ref stamp);
        pending[(region, year)] = value;
        return value;
    }

    /// <summary>Removes the listing unless it was listed again since <paramref name="listedStamp"/>.</summary>
    public void Complete(string region, int year, long listedStamp) =>
        pending.TryRemove(KeyValuePair.Create((region, year), listedStamp));

    public bool IsEmpty => pending.IsEmpty;

    public bool Covers(string region)
    {
        if (pending.IsEmpty)
        {
            return false;
        }

        foreach (var key in pending.Keys)
        {
            if (string.Equals(key.Region, region, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    public IReadOnlyList<(string Region, int Year, long Stamp)> Snapshot() =>
        [.. pending.Select(entry => (entry.Key.Region, entry.Key.Year, entry.Value))];
}
