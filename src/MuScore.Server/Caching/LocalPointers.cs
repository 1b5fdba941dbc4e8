using System.Collections.Concurrent;

namespace MuScore.Server.Caching;

/// <summary>
/// This instance's copy of "the newest publication of region R and year Y". It is the only cached
/// thing that can go stale, so it carries the invalidation rules:
/// <list type="bullet">
/// <item>A reader captures <see cref="Generation"/> before it looks the pointer up elsewhere and
/// stores its answer only if no invalidation happened meanwhile; a slow reader that saw the old
/// version can therefore never put it back after a publish was acknowledged.</item>
/// <item>An entry lives <see cref="InvalidationOptions.PointerTtl"/> while invalidations can arrive
/// and <see cref="InvalidationOptions.PointerTtlWithoutSubscription"/> otherwise. The lifetime is
/// judged when the entry is read, so losing the subscription shortens every entry at once.</item>
/// <item>Regaining the subscription drops everything: messages sent meanwhile were lost.</item>
/// </list>
/// </summary>
internal sealed class LocalPointers(TimeProvider time, InvalidationOptions options)
{
    private readonly ConcurrentDictionary<PointerKey, Entry> entries = new();
    private readonly Lock sync = new();
    private long generation;
    private volatile bool subscribed;

    /// <summary>Grows with every invalidation; see the class remarks.</summary>
    public long Generation => Interlocked.Read(ref generation);

    /// <summary>Whether invalidation messages can currently arrive.</summary>
    public bool Subscribed => subscribed;

    public bool TryGet(PointerKey key, out PublicationPointer pointer)
    {
        var lifetime = subscribed ? options.PointerTtl : options.PointerTtlWithoutSubscription;
        if (entries.TryGetValue(key, out var entry) && time.GetElapsedTime(entry.Written) < lifetime)
        {
            pointer = entry.Pointer;
            return true;
        }

        pointer = default;
        return false;
    }

    /// <summary>Stores a pointer read elsewhere, unless an invalidation happened since <paramref name="observedGeneration"/>.</summary>
    public bool TrySet(PointerKey key, PublicationPointer pointer, long observedGeneration)
    {
        lock (sync)
        {
            if (generation != observedGeneration)
            {
                return false;
            }

            entries[key] = new Entry(pointer, time.GetTimestamp());
            return true;
        }
    }

    /// <summary>Forgets every pointer of a region (any year, and "latest").</summary>
    public void Invalidate(string region)
    {
        lock (sync)
        {
            Interlocked.Increment(ref generation);
            foreach (var key in entries.Keys)
            {
                if (string.Equals(key.Region, region, StringComparison.Ordinal))
                {
                    entries.TryRemove(key, out _);
                }
            }
        }
    }

    public void InvalidateAll()
    {
        lock (sync)
        {
            Interlocked.Increment(ref generation);
            entries.Clear();
        }
    }

    /// <summary>Records whether invalidations can arrive; regaining them drops every pointer.</summary>
    public void SetSubscribed(bool value)
    {
        if (subscribed == value)
        {
            return;
        }

        if (value)
        {
            InvalidateAll();
        }

        subscribed = value;
    }

    private sealed record Entry(PublicationPointer Pointer, long Written);
}
