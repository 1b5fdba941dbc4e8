using Microsoft.Extensions.Logging;
using MuScore.Server.Diagnostics;
using MuScore.Store;

namespace MuScore.Server.Caching;

/// <summary>
/// What a publish changes in the cache. The order matters: first Redis is told (pointer copies
/// moved forward to the committed version, then the pub/sub message to the other instances), and
/// only then are this instance's pointers dropped, so a read that starts after the publish is
/// acknowledged finds the new version wherever it looks. When Redis cannot be told, the publish is
/// listed as pending: this instance reads that region's pointer from the database and the
/// maintenance loop retries until Redis and the other instances have heard of it.
/// </summary>
internal sealed class PublicationInvalidator(LocalPointers local, RedisRatingCache? redis, PendingInvalidations pending, DependencyHealth dependencies, ILogger logger)
{
    public async ValueTask PublishedAsync(IRatingStore store, string region, int year, CancellationToken cancellationToken)
    {
        try
        {
            if (redis is not null)
            {
                var stamp = pending.Add(region, year);
                if (await TryAnnounceAsync(store, region, year, cancellationToken).ConfigureAwait(false))
                {
                    pending.Complete(region, year, stamp);
                }
                else
                {
                    CacheLog.InvalidationDeferred(logger, region, year);
                }
            }
        }
        finally
        {
            // Even when cancelled: the publish is committed, so this instance must stop serving the old version.
            local.Invalidate(region);
        }
    }

    public bool HasPending => !pending.IsEmpty;

    /// <summary>Retries every pending announcement once; used by the maintenance loop.</summary>
    public async ValueTask RetryPendingAsync(IRatingStore store, CancellationToken cancellationToken)
    {
        foreach (var (region, year, stamp) in pending.Snapshot())
        {
            if (await TryAnnounceAsync(store, region, year, cancellationToken).ConfigureAwait(false))
            {
                pending.Complete(region, year, stamp);
                CacheLog.InvalidationDelivered(logger, region, year);
            }
        }
    }

    private async ValueTask<bool> TryAnnounceAsync(IRatingStore store, string region, int year, CancellationToken cancellationToken)
    {
        if (redis is null)
        {
            return true;
        }

        PublicationPointer forYear, latest;
        try
        {
            // Read after the commit, so these are at least the version just published.
            forYear = PublicationPointer.From(await store.GetLatestPublicationAsync(region, year, cancellationToken).ConfigureAwait(false));
            latest = PublicationPointer.From(await store.GetLatestPublicationAsync(region, null, cancellationToken).ConfigureAwait(false));

            // A publish that committed proves the database answers: its answers need not wait for the
            // next DatabaseWatch ask to be unmarked.
            dependencies.Succeeded(DependencyHealth.Database);
        }
#pragma warning disable CA1031 // The publish is committed; a failed read here only defers the announcement.
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            CacheLog.Fallback(logger, "read pointers for announcement", LogValues.Cut(exception.Message));
            return false;
        }

        return await redis.TrySetPointerAsync(new PointerKey(region, year), forYear, cancellationToken).ConfigureAwait(false)
            && await redis.TrySetPointerAsync(new PointerKey(region, 0), latest, cancellationToken).ConfigureAwait(false)
            && await redis.TryPublishAsync(RedisKeys.Message(region, year), cancellationToken).ConfigureAwait(false);
    }
}
