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
/// <item>Apart from those trusted entries, the last known pointer of each key is kept until a newer
/// one replaces it, never dropped on a timer or by an invalidation: while the database is down it
/// is the only way to name the cached ratings (served marked possibly stale).</item>
/// </list>
/// </summary>
internal sealed class LocalPointers(TimeProvider time, InvalidationOptions options)
{
    private readonly ConcurrentDictionary<PointerKey, Entry> entries = new();
    private readonly ConcurrentDictionary<PointerKey, PublicationPointer> lastKnown = new();
    private readonly Lock sync = new();
    private long generation;
    private volatile bool subscribed;

    /// <summary>Grows with every invalidation; see the class remarks.</summary>
    public long Generation => Interlocked.Read(ref generation);

    /// <summary>Whether invalidation messages can currently arrive.</summary>
    public bool Subscribed => subscribed;

    public bool TryGet(PointerKey key, out PublicationPointer pointer) => TryGet(key, out pointer, out _);

    /// <summary>A pointer within its lifetime; <paramref name="confirmed"/> is false when the database could not confirm it.</summary>
    public bool TryGet(PointerKey key, out PublicationPointer pointer, out bool confirmed)
    {
        var lifetime = subscribed ? options.PointerTtl : options.PointerTtlWithoutSubscription;
        if (entries.TryGetValue(key, out var entry) && time.GetElapsedTime(entry.Written) < lifetime)
        {
            pointer = entry.Pointer;
            confirmed = entry.Confirmed;
            return true;
        }

        pointer = default;
        confirmed = false;
        return false;
    }

    /// <summary>The newest pointer ever stored for the key, however old: the fallback while the database is down.</summary>
    public bool TryGetLastKnown(PointerKey key, out PublicationPointer pointer) => lastKnown.TryGetValue(key, out pointer);

    /// <summary>Stores a pointer read elsewhere, unless an invalidation happened since <paramref name="observedGeneration"/>.</summary>
    public bool TrySet(PointerKey key, PublicationPointer pointer, long observedGeneration) =>
        TrySet(key, pointer, observedGeneration, confirmed: true);

    /// <summary>
    /// Stores a last known pointer the database could not confirm, for one lifetime, so that reads
    /// meanwhile do not each wait for the failing database; after it the database is tried again.
    /// </summary>
    public bool TrySetUnconfirmed(PointerKey key, PublicationPointer pointer, long observedGeneration) =>
        TrySet(key, pointer, observedGeneration, confirmed: false);

    private bool TrySet(PointerKey key, PublicationPointer pointer, long observedGeneration, bool confirmed)
    {
        lock (sync)
        {
            if (generation != observedGeneration)
            {
                return false;
            }

            entries[key] = new Entry(pointer, time.GetTimestamp(), confirmed);

            // Versions only grow, so the greater pointer is the newer: a slow reader cannot move it back.
            if (!lastKnown.TryGetValue(key, out var known) || IsNewer(pointer, known))
            {
                lastKnown[key] = pointer;
            }

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

    private static bool IsNewer(PublicationPointer candidate, PublicationPointer known) =>
        candidate.Year > known.Year || (candidate.Year == known.Year && candidate.Version > known.Version);

    private sealed record Entry(PublicationPointer Pointer, long Written, bool Confirmed);
}
