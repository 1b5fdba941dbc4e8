using MuScore.Core.Policies;
using MuScore.Server.Mapping;
using MuScore.Server.Reading;
using Proto = MuScore.Contracts.V1;

namespace MuScore.Server.Policies;

/// <summary>
/// Reads the published ratings policy answers rely on, as <see cref="RatingFact"/>s, through
/// <see cref="IPublishedRatings"/>: the in-process cache, Redis, then the database, like
/// <c>GetRating</c>. A cached rating is keyed by its publication version and never changes, and
/// each fact carries the run, version and publication time it came from, so an answer still
/// names the exact publication it used. Only the newest publication of a region and year is a
/// candidate: when it was published after the date, the year counts as not yet published, even if
/// an older version of it was in force on the date (docs/policy-service.md).
/// </summary>
internal sealed class PublishedRatingFacts(IPublishedRatings ratings)
{
    /// <summary>How many evaluated years before the date's year are searched for the rating in force.</summary>
    public const int YearsBack = 3;

    /// <summary>
    /// The rating in force on <paramref name="date"/>: the latest evaluated year, from the date's
    /// year back <see cref="YearsBack"/> years, whose newest publication was made on or before the
    /// date (China time) and rated the enterprise; null when none.
    /// </summary>
    public async ValueTask<RatingFact?> InForceAsync(string region, string code, DateOnly date, CancellationToken cancellationToken)
    {
        // Years descending: the first year that qualifies is the latest evaluated year, the one in force.
        for (var year = date.Year; year >= date.Year - YearsBack; year--)
        {
            var lookup = await ratings.GetAsync(region, code, year, cancellationToken).ConfigureAwait(false);
            if (ToFact(lookup, year, date) is { } fact)
            {
                return fact;
            }
        }

        return null;
    }

    /// <summary>The previous year's evaluation (year = date.Year − 1) published on or before <paramref name="date"/>; null when none.</summary>
    public async ValueTask<RatingFact?> PreviousYearAsync(string region, string code, DateOnly date, CancellationToken cancellationToken)
    {
        var year = date.Year - 1;
        var lookup = await ratings.GetAsync(region, code, year, cancellationToken).ConfigureAwait(false);
        return ToFact(lookup, year, date);
    }

    /// <summary>
    /// The rating in force for every query of a billing run, in query order: each region's
    /// publications are read once per year for all its codes (one batch read each).
    /// </summary>
    public async Task<RatingFact?[]> InForceAsync(IReadOnlyList<(string Region, string Code, DateOnly Date)> queries, CancellationToken cancellationToken)
    {
        var facts = new RatingFact?[queries.Count];
        foreach (var group in Enumerable.Range(0, queries.Count).GroupBy(i => queries[i].Region, StringComparer.Ordinal))
        {
            var indexes = group.ToArray();
            var latestYear = indexes.Max(i => queries[i].Date.Year);
            var earliestYear = indexes.Min(i => queries[i].Date.Year) - YearsBack;
            var codes = indexes.Select(i => queries[i].Code).Distinct(StringComparer.Ordinal).ToArray();
            var byYear = new Dictionary<int, Dictionary<string, Proto.Rating>>();
            for (var year = latestYear; year >= earliestYear; year--)
            {
                var lookups = await ratings.GetManyAsync(group.Key, codes, year, cancellationToken).ConfigureAwait(false);
                var found = new Dictionary<string, Proto.Rating>(StringComparer.Ordinal);
                for (var j = 0; j < codes.Length; j++)
                {
                    if (lookups[j].Rating is { } rating)
                    {
                        found[codes[j]] = rating;
                    }
                }

                byYear[year] = found;
            }

            foreach (var i in indexes)
            {
                var (_, code, date) = queries[i];
                for (var year = date.Year; year >= date.Year - YearsBack && facts[i] is null; year--)
                {
                    if (byYear[year].TryGetValue(code, out var rating))
                    {
                        facts[i] = ToFact(rating, year, date);
                    }
                }
            }
        }

        return facts;
    }

    private static RatingFact? ToFact(RatingLookup lookup, int year, DateOnly date) =>
        lookup.Rating is { } rating ? ToFact(rating, year, date) : null;

    /// <summary>
    /// Only RATED rows have a class (an EXCLUDED enterprise has no rating in that publication), and
    /// a publication made after the date was not yet in force. The year is checked anyway so a
    /// reader bug cannot leak another year's rating into an answer.
    /// </summary>
    private static RatingFact? ToFact(Proto.Rating rating, int year, DateOnly date)
    {
        if (rating.Status != Proto.RatingStatus.Rated || rating.Year != year)
        {
            return null;
        }

        var publishedAt = rating.PublishedAt.ToDateTimeOffset();
        return RatingInForce.PublicationDay(publishedAt) > date
            ? null
            : new RatingFact(rating.CreditCode, rating.Region, rating.Year, RatingMapper.FromProto(rating.RatingClass), rating.ConsecutiveDYears,
                rating.RunId, rating.Version, publishedAt);
    }
}
