using MuScore.Contracts.V1;

namespace MuScore.Server.Reading;

/// <summary>
/// Published ratings as the handlers serve them. The database implementation reads the store;
/// the cached one puts a bounded in-process cache and Redis in front of it, and invalidates
/// across instances when a region and year is published.
/// </summary>
public interface IPublishedRatings
{
    /// <summary>One enterprise's rating in the newest publication of a region and year (latest year when null).</summary>
    ValueTask<RatingLookup> GetAsync(string region, string creditCode, int? year, CancellationToken cancellationToken);

    /// <summary>Several enterprises of one region and year; one lookup per code, in request order.</summary>
    ValueTask<IReadOnlyList<RatingLookup>> GetManyAsync(string region, IReadOnlyList<string> creditCodes, int? year, CancellationToken cancellationToken);

    /// <summary>Called after this instance published a region and year: drop what is stale here and everywhere.</summary>
    ValueTask PublishedAsync(string region, int year, CancellationToken cancellationToken);
}

/// <summary>Why a lookup found nothing.</summary>
public enum LookupMiss
{
    /// <summary>Found.</summary>
    None,

    /// <summary>The region (and year) has no published run.</summary>
    NothingPublished,

    /// <summary>The run has no such enterprise.</summary>
    UnknownEnterprise,
}

/// <summary>The answer to one lookup: a rating, or why there is none.</summary>
/// <param name="Rating">The rating; null when missed.</param>
/// <param name="Miss">Why there is none.</param>
public readonly record struct RatingLookup(Rating? Rating, LookupMiss Miss)
{
    /// <summary>
    /// The database could not confirm which publication is the newest (it is down), so this answer
    /// comes from the last known one and a newer publication may exist.
    /// </summary>
    public bool PossiblyStale { get; init; }

    public static RatingLookup Found(Rating rating) => new(rating, LookupMiss.None);

    public static RatingLookup Missed(LookupMiss miss) => new(null, miss);
}
