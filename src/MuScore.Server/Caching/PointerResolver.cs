using MuScore.Server.Diagnostics;
using MuScore.Server.Errors;
using MuScore.Store;

namespace MuScore.Server.Caching;

/// <summary>
/// Answers "which publication does region R, year Y (or latest) mean now": from this instance's
/// pointers, else from Redis, else from the database (which then moves the Redis copy forward).
/// When the database cannot be asked, the last known pointer (this instance's, else Redis's) is
/// answered unconfirmed, so cached ratings keep being served, marked possibly stale. While the
/// database is known to be down (<see cref="DependencyHealth"/>: a failed call here, in a handler or
/// in the store health check, until one answers again), no pointer counts as confirmed, also one
/// still trusted from this instance or Redis: a publish made just before the outage may be one the
/// cached pointer has not seen, and consumers asked to be told whenever the truth cannot be asked.
/// </summary>
internal sealed class PointerResolver(LocalPointers local, IRatingStore store, RedisRatingCache? redis, PendingInvalidations pending, DependencyHealth dependencies)
{
    private bool DatabaseDown => dependencies.DatabaseDown;

    public bool TryGetLocal(PointerKey key, out PublicationPointer pointer, out bool confirmed)
    {
        var found = local.TryGet(key, out pointer, out confirmed);
        confirmed &= !DatabaseDown;
        return found;
    }

    /// <summary>Resolves a pointer; its Redis calls take from the request's <paramref name="budget"/> (a new one if null).</summary>
    public async ValueTask<ResolvedPointer> ResolveAsync(PointerKey key, RedisBudget? budget, CancellationToken cancellationToken)
    {
        // Captured before any read, so an answer that raced a publish is never stored (see LocalPointers).
        var generation = local.Generation;
        budget ??= redis?.NewBudget();
        if (local.TryGet(key, out var pointer, out var confirmed))
        {
            return new(pointer, confirmed && !DatabaseDown);
        }

        var redisAnswered = false;
        if (redis is not null && !pending.Covers(key.Region))
        {
            var (answered, found) = await redis.TryGetPointerAsync(key, budget!, cancellationToken).ConfigureAwait(false);
            if (found is { } cached)
            {
                local.TrySet(key, cached, generation);
                return new(cached, Confirmed: !DatabaseDown);
            }

            redisAnswered = answered;
        }

        Publication? publication;
        try
        {
            publication = await store.GetLatestPublicationAsync(key.Region, key.RequestedYear, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (StoreFailures.IsUnavailable(exception) && !cancellationToken.IsCancellationRequested)
        {
            dependencies.Failed(DependencyHealth.Database, exception);

            // A failed re-validation keeps the last known pointer rather than failing the read.
            if (await LastKnownAsync(key, budget, cancellationToken).ConfigureAwait(false) is not { } last)
            {
                throw;
            }

            local.TrySetUnconfirmed(key, last, generation);
            return new(last, Confirmed: false);
        }

        dependencies.Succeeded(DependencyHealth.Database);
        pointer = PublicationPointer.From(publication);
        if (redisAnswered)
        {
            // Only after Redis answered (a Redis that just failed needs no more traffic), and not awaited.
            redis!.WriteBackPointer(key, pointer);
        }

        local.TrySet(key, pointer, generation);
        return new(pointer, Confirmed: true);
    }

    private async ValueTask<PublicationPointer?> LastKnownAsync(PointerKey key, RedisBudget? budget, CancellationToken cancellationToken)
    {
        if (local.TryGetLastKnown(key, out var known))
        {
            return known;
        }

        // A fresh instance has none of its own; another instance may have left one in Redis.
        return redis is null ? null : await redis.TryGetLastPointerAsync(key, budget!, cancellationToken).ConfigureAwait(false);
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

/// <summary>A pointer and whether the database confirmed it (false: the last known one, the database being down).</summary>
internal readonly record struct ResolvedPointer(PublicationPointer Pointer, bool Confirmed);
