using MuScore.Server.Reading;
using MuScore.Server.Telemetry;
using MuScore.Store;
using StackExchange.Redis;

namespace MuScore.Server.Caching;

/// <summary>
/// Published ratings through three layers: a bounded in-process cache, Redis, then the database
/// (the decorated implementation, the source of truth). A rating is cached under its publication
/// version and never changes; what a request means by "region R, year Y" is resolved through a
/// small pointer that a publish invalidates (see <see cref="LocalPointers"/>). A Redis failure of
/// any kind falls back to the database; only database failures reach the caller.
/// Returned <see cref="Contracts.V1.Rating"/> objects are shared between requests: never mutate them.
/// </summary>
internal sealed partial class CachedPublishedRatings(
    IPublishedRatings inner,
    IRatingStore store,
    PointerResolver pointers,
    ClockCache<RatingKey, RatingLookup> local,
    RedisRatingCache? redis,
    PublicationInvalidator invalidator,
    ServerMetrics metrics,
    PublicationWarmer warmer) : IPublishedRatings
{
    private static readonly RatingLookup NothingPublished = RatingLookup.Missed(LookupMiss.NothingPublished);

    public ValueTask<RatingLookup> GetAsync(string region, string creditCode, int? year, CancellationToken cancellationToken)
    {
        var key = PointerKey.For(region, year);
        if (pointers.TryGetLocal(key, out var pointer, out var confirmed))
        {
            if (pointer.IsNone)
            {
                return ValueTask.FromResult(Mark(NothingPublished, confirmed));
            }

            if (local.TryGet(RatingKey.For(region, pointer, creditCode), out var hit))
            {
                metrics.Lookup(ServerMetrics.Layer.Memory, hit: true);
                return ValueTask.FromResult(Mark(hit, confirmed));
            }
        }

        return GetSlowAsync(key, creditCode, cancellationToken);
    }

    public async ValueTask PublishedAsync(string region, int year, CancellationToken cancellationToken)
    {
        await inner.PublishedAsync(region, year, cancellationToken).ConfigureAwait(false);
        await invalidator.PublishedAsync(store, region, year, cancellationToken).ConfigureAwait(false);

        // In the background: first this instance's cache (its budget only, so it is warm soonest),
        // then every rating to Redis once, from here.
        warmer.Enqueue(region, year, writeRedis: false);
        warmer.Enqueue(region, year, writeRedis: true);
    }

    /// <summary>Cached lookups are shared, so the mark goes on a copy.</summary>
    private static RatingLookup Mark(RatingLookup lookup, bool confirmed) =>
        confirmed ? lookup : lookup with { PossiblyStale = true };

    private async ValueTask<RatingLookup> GetSlowAsync(PointerKey key, string creditCode, CancellationToken cancellationToken)
    {
        // Spans on the slow path only: a hit in the in-process cache is too quick to be worth one.
        using var activity = ServerTracing.Start("muscore.cache.lookup", key.Region, key.RequestedYear);

        // All the request's Redis calls share one timeout.
        var budget = redis?.NewBudget();
        ResolvedPointer resolved;
        using (ServerTracing.Start("muscore.cache.pointer", key.Region, key.RequestedYear))
        {
            resolved = await pointers.ResolveAsync(key, budget, cancellationToken).ConfigureAwait(false);
        }

        var (pointer, confirmed) = resolved;
        return Mark(await GetAtAsync(key, pointer, creditCode, budget, cancellationToken).ConfigureAwait(false), confirmed);
    }

    private async ValueTask<RatingLookup> GetAtAsync(PointerKey key, PublicationPointer pointer, string creditCode, RedisBudget? budget, CancellationToken cancellationToken)
    {
        if (pointer.IsNone)
        {
            return NothingPublished;
        }

        var ratingKey = RatingKey.For(key.Region, pointer, creditCode);
        var inMemory = local.TryGet(ratingKey, out var hit);
        metrics.Lookup(ServerMetrics.Layer.Memory, inMemory);
        if (inMemory)
        {
            return hit;
        }

        if (redis is not null)
        {
            RatingLookup? cached;
            using (ServerTracing.Start("muscore.cache.redis", key.Region, pointer.Year))
            {
                // Not cancelled per caller: the shared read is bounded by the request's Redis budget.
                cached = await redis.TryGetRatingAsync(ratingKey, budget!).ConfigureAwait(false) is { } value ? RatingCodec.Decode(value, ratingKey) : null;
            }

            metrics.Lookup(ServerMetrics.Layer.Redis, cached is not null);
            if (cached is { } decoded)
            {
                local.Set(ratingKey, decoded);
                return decoded;
            }
        }

        RatingLookup found;
        using (ServerTracing.Start("muscore.cache.database", key.Region, pointer.Year))
        {
            found = await inner.GetAsync(key.Region, creditCode, pointer.Year, cancellationToken).ConfigureAwait(false);
        }

        metrics.Lookup(ServerMetrics.Layer.Database, found.Rating is not null);
        Remember(key.Region, pointer, [creditCode], [found]);
        return found;
    }

    /// <summary>
    /// Caches what the database answered for one publication. The database reads the newest
    /// publication itself, so its answers are keyed by the version its ratings carry; when that is
    /// newer than the pointer, the pointer was stale: it is dropped here and the Redis copy repaired.
    /// The Redis copy is written in the background: the answer never waits for it.
    /// </summary>
    private void Remember(
        string region,
        PublicationPointer pointer,
        List<string> creditCodes,
        IReadOnlyList<RatingLookup> answers)
    {
        var actual = pointer;
        foreach (var answer in answers)
        {
            if (answer.Rating is { } rating)
            {
                actual = new PublicationPointer(rating.Year, rating.Version);
                break;
            }
        }

        if (actual != pointer)
        {
            pointers.Distrust(region, pointer.Year);
        }

        var entries = new List<KeyValuePair<RatingKey, RedisValue>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < answers.Count; i++)
        {
            var answer = answers[i];
            var cacheable = answer.Rating is not null || answer.Miss == LookupMiss.UnknownEnterprise;
            if (!cacheable || !seen.Add(creditCodes[i]))
            {
                continue;
            }

            var key = RatingKey.For(region, actual, creditCodes[i]);
            local.Set(key, answer);
            if (redis is not null)
            {
                entries.Add(new(key, RatingCodec.Encode(answer)));
            }
        }

        if (redis is not null && entries.Count > 0)
        {
            redis.WriteBackRatings(entries);
        }
    }
}
