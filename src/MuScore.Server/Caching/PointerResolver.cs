using MuScore.Store;

namespace MuScore.Server.Caching;

/// <summary>
/// Answers "which publication does region R, year Y (or latest) mean now": from this instance's
/// pointers, else from Redis, else from the database (which then moves the Redis copy forward).
/// </summary>
internal sealed class PointerResolver(LocalPointers local, IRatingStore store, RedisRatingCache? redis, PendingInvalidations pending)
{
    public bool TryGetLocal(PointerKey key, out PublicationPointer pointer) => local.TryGet(key, out pointer);

    public async ValueTask<PublicationPointer> ResolveAsync(PointerKey key, CancellationToken cancellationToken)
    {
        // Captured before any read, so an answer that raced a publish is never stored (see LocalPointers).
        var generation = local.Generation;
        if (local.TryGet(key, out var pointer))
        {
            return pointer;
        }

        var redisAnswered = false;
        if (redis is not null && !pending.Covers(key.Region))
        {
            var (answered, found) = await redis.TryGetPointerAsync(key, cancellationToken).ConfigureAwait(false);
            if (found is { } cached)
            {
                local.TrySet(key, cached, generation);
                return cached;
            }

            redisAnswered = answered;
        }

        var publication = await store.GetLatestPublicationAsync(key.Region, key.RequestedYear, cancellationToken).ConfigureAwait(false);
        pointer = PublicationPointer.From(publication);
        if (redisAnswered)
        {
            // Only after Redis answered: a Redis that just failed would only cost this request another timeout.
            await redis!.TrySetPointerAsync(key, pointer, cancellationToken).ConfigureAwait(false);
        }

        local.TrySet(key, pointer, generation);
        return pointer;
    }

    /// <summary>A read showed the pointer is behind the database: drop it here and have the Redis copy repaired.</summary>
    public void Distrust(string region, int year)
    {
        if (redis is not null)
        {
            pending.Add(region, year);
        }

        local.Invalidate(region);
    }
}
