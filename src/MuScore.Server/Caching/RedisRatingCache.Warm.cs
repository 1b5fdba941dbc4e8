using MuScore.Server.Diagnostics;
using StackExchange.Redis;

namespace MuScore.Server.Caching;

/// <summary>What warming writes and reads (see <see cref="PublicationWarmer"/>).</summary>
internal sealed partial class RedisRatingCache
{
    /// <summary>
    /// Pipelined SETs of one warming batch, outside the request pipeline: its 250 ms timeout and its
    /// breaker are for requests, and background writes on a busy machine must neither time out at
    /// that bound nor open the breaker for reads. Bounded by <paramref name="timeout"/> instead.
    /// </summary>
    public async Task<bool> TryWriteWarmBatchAsync(IReadOnlyList<KeyValuePair<RatingKey, RedisValue>> entries, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var sets = new Task[entries.Count];
        for (var i = 0; i < sets.Length; i++)
        {
            sets[i] = database.StringSetAsync(keys.Rating(entries[i].Key), entries[i].Value, ratingTtl, When.Always);
        }

        var all = Task.WhenAll(sets);
        try
        {
            await all.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
            return true;
        }
#pragma warning disable CA1031 // A failed warming write only leaves those ratings to the read path.
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            // Observed either way, so a batch that fails after the wait ended raises nothing later.
            _ = all.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            CacheLog.Fallback(logger, "SET warming batch", LogValues.Cut(exception.Message));
            return false;
        }
    }

    /// <summary>Records that a region was published, so starting instances warm it.</summary>
    public async ValueTask<bool> TryAddPublishedRegionAsync(string region, CancellationToken cancellationToken)
    {
        var (answered, _) = await RunAsync(
            "SADD published region",
            static (db, state) => db.SetAddAsync(state.Key, state.Region),
            (Key: keys.PublishedRegions, Region: region),
            budget: null,
            gated: false, // a publish's write, like its pointer copies: told whenever Redis answers
            cancellationToken).ConfigureAwait(false);
        return answered;
    }

    /// <summary>
    /// Every region recorded by <see cref="TryAddPublishedRegionAsync"/>; null when Redis did not
    /// answer. Outside the request pipeline too: a starting instance's first call may well take
    /// longer than a request's 250 ms, and the caller bounds the wait.
    /// </summary>
    public async Task<string[]?> TryGetPublishedRegionsAsync(CancellationToken cancellationToken)
    {
        try
        {
            var members = await database.SetMembersAsync(keys.PublishedRegions).WaitAsync(cancellationToken).ConfigureAwait(false);
            return Array.ConvertAll(members, static m => (string)m!);
        }
#pragma warning disable CA1031 // Not connected yet, or down: the caller tries again within its bound.
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            CacheLog.Fallback(logger, "SMEMBERS published regions", LogValues.Cut(exception.Message));
            return null;
        }
    }
}
