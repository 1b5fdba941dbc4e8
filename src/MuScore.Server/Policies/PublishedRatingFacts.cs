using System.Runtime.CompilerServices;
using MuScore.Core.Policies;
using MuScore.Server.Mapping;
using MuScore.Server.Reading;
using MuScore.Store;
using Proto = MuScore.Contracts.V1;

namespace MuScore.Server.Policies;

/// <summary>
/// Reads the published ratings policy answers rely on, as <see cref="RatingFact"/>s. The newest
/// publication of each year comes through <see cref="IPublishedRatings"/> (the in-process cache,
/// Redis, then the database, like <c>GetRating</c>): a cached rating is keyed by its publication
/// version and carries its run, version and publication time, so an answer still names the exact
/// publication it used. When that newest version was published after the date asked about (a
/// correction came later), the version in force on the date is read from the store instead
/// (<see cref="EarlierVersion"/>), so a bill for a past period uses the rating in force then.
/// </summary>
internal sealed class PublishedRatingFacts(IPublishedRatings ratings, EarlierVersion earlier)
{
    // Cached ratings are shared, never-mutated messages; so is the fact made from each.
    private static readonly ConditionalWeakTable<Proto.Rating, RatingFact> Facts = [];

    /// <summary>How many evaluated years before the date's year are searched for the rating in force.</summary>
    public const int YearsBack = 3;

    /// <summary>
    /// The rating in force on <paramref name="date"/>: the latest evaluated year, from the date's
    /// year back <see cref="YearsBack"/> years, whose publication in force on the date (China time)
    /// rated the enterprise; null when none.
    /// </summary>
    public async ValueTask<RatingFact?> InForceAsync(string region, string code, DateOnly date, StaleReads stale, CancellationToken cancellationToken)
    {
        // Years descending: the first year that qualifies is the latest evaluated year, the one in force.
        for (var year = date.Year; year >= date.Year - YearsBack; year--)
        {
            if (await OfYearAsync(region, code, year, date, stale, cancellationToken).ConfigureAwait(false) is { } fact)
            {
                return fact;
            }
        }

        return null;
    }

    /// <summary>The previous year's evaluation (year = date.Year − 1) in force on <paramref name="date"/>; null when none.</summary>
    public ValueTask<RatingFact?> PreviousYearAsync(string region, string code, DateOnly date, StaleReads stale, CancellationToken cancellationToken) =>
        OfYearAsync(region, code, date.Year - 1, date, stale, cancellationToken);

    /// <summary>
    /// The rating in force for every query of a billing run, in query order: each region's newest
    /// publications are read once per year for all its codes (one batch read each), and earlier
    /// versions once per year and date for the codes that need them.
    /// </summary>
    public async Task<RatingFact?[]> InForceAsync(IReadOnlyList<(string Region, string Code, DateOnly Date)> queries, StaleReads stale, CancellationToken cancellationToken)
    {
        var facts = new RatingFact?[queries.Count];
        foreach (var group in Enumerable.Range(0, queries.Count).GroupBy(i => queries[i].Region, StringComparer.Ordinal))
        {
            var indexes = group.ToArray();
            var newest = await NewestAsync(group.Key, indexes.Select(i => queries[i]), stale, cancellationToken).ConfigureAwait(false);
            var older = await OlderAsync(group.Key, indexes.Select(i => queries[i]), newest, cancellationToken).ConfigureAwait(false);
            foreach (var i in indexes)
            {
                var (_, code, date) = queries[i];
                for (var year = date.Year; year >= date.Year - YearsBack && facts[i] is null; year--)
                {
                    if (newest[year].TryGetValue(code, out var rating))
                    {
                        facts[i] = InForceOn(rating, date)
                            ? ToFact(rating, year)
                            : older.GetValueOrDefault((year, date))?.GetValueOrDefault(code);
                    }
                }
            }
        }

        return facts;
    }

    private async ValueTask<RatingFact?> OfYearAsync(string region, string code, int year, DateOnly date, StaleReads stale, CancellationToken cancellationToken)
    {
        var lookup = await ratings.GetAsync(region, code, year, cancellationToken).ConfigureAwait(false);
        stale.Note(lookup);
        if (lookup.Rating is not { } rating)
        {
            return null;
        }

        if (InForceOn(rating, date))
        {
            return ToFact(rating, year);
        }

        var found = await earlier.ReadAsync(region, year, date, [code], cancellationToken).ConfigureAwait(false);
        return found.GetValueOrDefault(code);
    }

    /// <summary>Every year's newest-publication ratings of the queried codes, by year then code.</summary>
    private async Task<Dictionary<int, Dictionary<string, Proto.Rating>>> NewestAsync(
        string region, IEnumerable<(string Region, string Code, DateOnly Date)> queries, StaleReads stale, CancellationToken cancellationToken)
    {
        var list = queries.ToList();
        var codes = list.Select(q => q.Code).Distinct(StringComparer.Ordinal).ToArray();
        var byYear = new Dictionary<int, Dictionary<string, Proto.Rating>>();
        for (var year = list.Max(q => q.Date.Year); year >= list.Min(q => q.Date.Year) - YearsBack; year--)
        {
            var lookups = await ratings.GetManyAsync(region, codes, year, cancellationToken).ConfigureAwait(false);
            var found = new Dictionary<string, Proto.Rating>(StringComparer.Ordinal);
            for (var j = 0; j < codes.Length; j++)
            {
                stale.Note(lookups[j]);
                if (lookups[j].Rating is { } rating)
                {
                    found[codes[j]] = rating;
                }
            }

            byYear[year] = found;
        }

        return byYear;
    }

    /// <summary>For each (year, date) where a newest rating came after the date, the versions in force then.</summary>
    private async Task<Dictionary<(int Year, DateOnly Date), IReadOnlyDictionary<string, RatingFact>>> OlderAsync(
        string region,
        IEnumerable<(string Region, string Code, DateOnly Date)> queries,
        Dictionary<int, Dictionary<string, Proto.Rating>> newest,
        CancellationToken cancellationToken)
    {
        var wanted = new Dictionary<(int Year, DateOnly Date), HashSet<string>>();
        foreach (var (_, code, date) in queries)
        {
            for (var year = date.Year; year >= date.Year - YearsBack; year--)
            {
                if (newest[year].TryGetValue(code, out var rating) && !InForceOn(rating, date))
                {
                    if (!wanted.TryGetValue((year, date), out var codes))
                    {
                        codes = new HashSet<string>(StringComparer.Ordinal);
                        wanted.Add((year, date), codes);
                    }

                    codes.Add(code);
                }
            }
        }

        var older = new Dictionary<(int Year, DateOnly Date), IReadOnlyDictionary<string, RatingFact>>();
        foreach (var ((year, date), codes) in wanted)
        {
            older[(year, date)] = await earlier.ReadAsync(region, year, date, codes, cancellationToken).ConfigureAwait(false);
        }

        return older;
    }

    private static bool InForceOn(Proto.Rating rating, DateOnly date) =>
        RatingInForce.PublicationDay(rating.PublishedAt.ToDateTimeOffset()) <= date;

    /// <summary>
    /// Only RATED rows have a class (an EXCLUDED enterprise has no rating in that publication). The
    /// year is checked anyway so a reader bug cannot leak another year's rating into an answer.
    /// </summary>
    private static RatingFact? ToFact(Proto.Rating rating, int year) =>
        rating.Status != Proto.RatingStatus.Rated || rating.Year != year ? null : Fact(rating);

    /// <summary>A RATED rating as a fact, made once per cached rating.</summary>
    private static RatingFact Fact(Proto.Rating rating) => Facts.GetValue(rating, static r => new RatingFact(
        r.CreditCode, r.Region, r.Year, RatingMapper.FromProto(r.RatingClass), r.ConsecutiveDYears, r.RunId, r.Version, r.PublishedAt.ToDateTimeOffset()));
}
