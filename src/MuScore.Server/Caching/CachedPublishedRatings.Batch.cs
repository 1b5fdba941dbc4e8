using MuScore.Server.Reading;
using MuScore.Server.Telemetry;
using StackExchange.Redis;

namespace MuScore.Server.Caching;

/// <summary>Batch reads: the in-process cache first, one MGET for what it lacks, one database read for the rest.</summary>
internal sealed partial class CachedPublishedRatings
{
    public ValueTask<IReadOnlyList<RatingLookup>> GetManyAsync(string region, IReadOnlyList<string> creditCodes, int? year, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(creditCodes);
        var key = PointerKey.For(region, year);
        // Unconfirmed pointers take the slow path, which marks every answer possibly stale.
        if (!pointers.TryGetLocal(key, out var pointer, out var confirmed) || !confirmed)
        {
            return GetManySlowAsync(key, creditCodes, cancellationToken);
        }

        if (pointer.IsNone)
        {
            return ValueTask.FromResult<IReadOnlyList<RatingLookup>>(AllNothingPublished(creditCodes.Count));
        }

        var lookups = new RatingLookup[creditCodes.Count];
        var missing = FillFromLocal(region, pointer, creditCodes, lookups);
        return missing == 0
            ? ValueTask.FromResult<IReadOnlyList<RatingLookup>>(lookups)
            : FillRemainingAsync(region, pointer, creditCodes, lookups, redis?.NewBudget(), cancellationToken);
    }

    private async ValueTask<IReadOnlyList<RatingLookup>> GetManySlowAsync(PointerKey key, IReadOnlyList<string> creditCodes, CancellationToken cancellationToken)
    {
        // All the request's Redis calls share one timeout.
        var budget = redis?.NewBudget();
        var (pointer, confirmed) = await pointers.ResolveAsync(key, budget, cancellationToken).ConfigureAwait(false);
        RatingLookup[] lookups;
        if (pointer.IsNone)
        {
            lookups = AllNothingPublished(creditCodes.Count);
        }
        else
        {
            lookups = new RatingLookup[creditCodes.Count];
            if (FillFromLocal(key.Region, pointer, creditCodes, lookups) != 0)
            {
                await FillRemainingAsync(key.Region, pointer, creditCodes, lookups, budget, cancellationToken).ConfigureAwait(false);
            }
        }

        if (!confirmed)
        {
            for (var i = 0; i < lookups.Length; i++)
            {
                lookups[i] = Mark(lookups[i], confirmed);
            }
        }

        return lookups;
    }

    private async ValueTask<IReadOnlyList<RatingLookup>> FillRemainingAsync(
        string region,
        PublicationPointer pointer,
        IReadOnlyList<string> creditCodes,
        RatingLookup[] lookups,
        RedisBudget? budget,
        CancellationToken cancellationToken)
    {
        var missing = MissingIndexes(lookups);
        if (redis is not null)
        {
            var keys = missing.ConvertAll(i => RatingKey.For(region, pointer, creditCodes[i]));
            RedisValue[]? values;
            using (ServerTracing.Start("muscore.cache.redis", region, pointer.Year))
            {
                values = await redis.TryGetRatingsAsync(keys, budget!, cancellationToken).ConfigureAwait(false);
            }

            if (values is not null)
            {
                for (var j = 0; j < keys.Count; j++)
                {
                    if (RatingCodec.Decode(values[j], keys[j]) is { } cached)
                    {
                        lookups[missing[j]] = cached;
                        local.Set(keys[j], cached);
                    }
                }

                var stillMissing = MissingIndexes(lookups);
                metrics.Lookups(ServerMetrics.Layer.Redis, missing.Count - stillMissing.Count, stillMissing.Count);
                missing = stillMissing;
            }
            else
            {
                metrics.Lookups(ServerMetrics.Layer.Redis, 0, missing.Count);
            }
        }

        if (missing.Count == 0)
        {
            return lookups;
        }

        var codes = missing.ConvertAll(i => creditCodes[i]);
        IReadOnlyList<RatingLookup> answers;
        using (ServerTracing.Start("muscore.cache.database", region, pointer.Year))
        {
            answers = await inner.GetManyAsync(region, codes, pointer.Year, cancellationToken).ConfigureAwait(false);
        }

        var found = 0;
        foreach (var answer in answers)
        {
            found += answer.Rating is null ? 0 : 1;
        }

        metrics.Lookups(ServerMetrics.Layer.Database, found, answers.Count - found);
        for (var j = 0; j < missing.Count; j++)
        {
            lookups[missing[j]] = answers[j];
        }

        Remember(region, pointer, codes, answers);
        return lookups;
    }

    /// <summary>Fills what the in-process cache holds; returns how many are still missing.</summary>
    private int FillFromLocal(string region, PublicationPointer pointer, IReadOnlyList<string> creditCodes, RatingLookup[] lookups)
    {
        var missing = 0;
        for (var i = 0; i < lookups.Length; i++)
        {
            if (local.TryGet(RatingKey.For(region, pointer, creditCodes[i]), out var hit))
            {
                lookups[i] = hit;
            }
            else
            {
                missing++;
            }
        }

        metrics.Lookups(ServerMetrics.Layer.Memory, lookups.Length - missing, missing);
        return missing;
    }

    // An unfilled slot is the default lookup: no rating and no reason.
    private static List<int> MissingIndexes(RatingLookup[] lookups)
    {
        var missing = new List<int>();
        for (var i = 0; i < lookups.Length; i++)
        {
            if (lookups[i] is { Rating: null, Miss: LookupMiss.None })
            {
                missing.Add(i);
            }
        }

        return missing;
    }

    private static RatingLookup[] AllNothingPublished(int count)
    {
        var lookups = new RatingLookup[count];
        Array.Fill(lookups, NothingPublished);
        return lookups;
    }
}
