using MuScore.Server.Reading;
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
        var (pointer, confirmed) = await pointers.ResolveAsync(key, cancellationToken).ConfigureAwait(false);
        return Mark(await GetAtAsync(key, pointer, creditCode, cancellationToken).ConfigureAwait(false), confirmed);
    }

    private async ValueTask<RatingLookup> GetAtAsync(PointerKey key, PublicationPointer pointer, string creditCode, CancellationToken cancellationToken)
    {
        if (pointer.IsNone)
        {
            return NothingPublished;
        }

        var ratingKey = RatingKey.For(key.Region, pointer, creditCode);
        if (local.TryGet(ratingKey, out var hit))
        {
            return hit;
        }

        if (redis is not null
            // Not cancelled per caller: the shared read is bounded by the Redis pipeline's timeout.
            && await redis.TryGetRatingAsync(ratingKey).ConfigureAwait(false) is { } value
            && RatingCodec.Decode(value, ratingKey) is { } cached)
        {
            local.Set(ratingKey, cached);
            return cached;
        }

        var found = await inner.GetAsync(key.Region, creditCode, pointer.Year, cancellationToken).ConfigureAwait(false);
        await RememberAsync(key.Region, pointer, [creditCode], [found], cancellationToken).ConfigureAwait(false);
        return found;
    }

    /// <summary>
    /// Caches what the database answered for one publication. The database reads the newest
    /// publication itself, so its answers are keyed by the version its ratings carry; when that is
    /// newer than the pointer, the pointer was stale: it is dropped here and the Redis copy repaired.
    /// </summary>
    private async ValueTask RememberAsync(
        string region,
        PublicationPointer pointer,
        List<string> creditCodes,
        IReadOnlyList<RatingLookup> answers,
        CancellationToken cancellationToken)
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
            await redis.TrySetRatingsAsync(entries, cancellationToken).ConfigureAwait(false);
        }
    }
}
