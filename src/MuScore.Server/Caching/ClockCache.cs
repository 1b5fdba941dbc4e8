using System.Collections.Concurrent;

namespace MuScore.Server.Caching;

/// <summary>
/// A bounded in-process map with CLOCK eviction (second-chance LRU). Reads are lock-free and only
/// set a "referenced" bit; writes take a lock and, when full, sweep a ring for the first entry not
/// referenced since the last sweep. Values for a key never change (ratings are keyed by their
/// publication version), so a write for a key already present is ignored. Entries also expire
/// after a TTL, which bounds memory held by publications nobody reads any more.
/// </summary>
internal sealed class ClockCache<TKey, TValue>
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, Slot> map;
    private readonly Slot?[] ring;
    private readonly Lock sync = new();
    private readonly TimeProvider time;
    private readonly TimeSpan ttl;
    private int hand;

    /// <param name="capacity">Most entries held; 0 disables the cache (nothing is kept).</param>
    /// <param name="ttl">How long an entry may be served after it was written.</param>
    /// <param name="time">The clock.</param>
    public ClockCache(int capacity, TimeSpan ttl, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        ring = new Slot?[capacity];
        map = new ConcurrentDictionary<TKey, Slot>(concurrencyLevel: -1, capacity: Math.Min(capacity, 1 << 16));
        this.ttl = ttl;
        this.time = time;
    }

    public int Count => map.Count;

    public bool TryGet(TKey key, out TValue value)
    {
        if (map.TryGetValue(key, out var slot) && time.GetElapsedTime(slot.Written) < ttl)
        {
            // Write only when clear, so hot entries do not bounce their cache line between cores.
            if (Volatile.Read(ref slot.Referenced) == 0)
            {
                Volatile.Write(ref slot.Referenced, 1);
            }

            value = slot.Value;
            return true;
        }

        value = default!;
        return false;
    }

    public void Set(TKey key, TValue value)
    {
        if (ring.Length == 0)
        {
            return;
        }

        lock (sync)
        {
            if (map.TryGetValue(key, out var present) && time.GetElapsedTime(present.Written) < ttl)
            {
                return;
            }

            var index = present?.Index ?? FindVictim();
            if (ring[index] is { } victim && !ReferenceEquals(victim, present))
            {
                map.TryRemove(victim.Key, out _);
            }

            var slot = new Slot(key, value, index, time.GetTimestamp());
            ring[index] = slot;
            map[key] = slot;
        }
    }

    // Runs under the lock. Ends within two turns of the ring: the first turn clears every bit.
    private int FindVictim()
    {
        while (true)
        {
            var index = hand;
            hand = (hand + 1) % ring.Length;
            var slot = ring[index];
            if (slot is null || time.GetElapsedTime(slot.Written) >= ttl || Volatile.Read(ref slot.Referenced) == 0)
            {
                return index;
            }

            Volatile.Write(ref slot.Referenced, 0);
        }
    }

    private sealed class Slot(TKey key, TValue value, int index, long written)
    {
        public readonly TKey Key = key;
        public readonly TValue Value = value;
        public readonly int Index = index;
        public readonly long Written = written;
        public int Referenced;
    }
}
