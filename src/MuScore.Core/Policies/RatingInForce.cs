namespace MuScore.Core.Policies;

/// <summary>One publication of an enterprise's rating, as a candidate for "the rating in force".</summary>
/// <param name="Year">Evaluated year.</param>
/// <param name="Version">Publication version for the region and year.</param>
/// <param name="PublishedAt">When that version was published.</param>
public sealed record RatingCandidate(int Year, int Version, DateTimeOffset PublishedAt);

/// <summary>
/// Which published rating is in force on a date (docs/policies.md, "Rating in force"). A
/// publication counts from its publication day in China Standard Time (UTC+08:00, no daylight
/// saving), so one published on the billing date is already in force. Among those published on or
/// before the date, the latest evaluated year wins and, within it, the highest version: a
/// correction of an older year, published later, does not displace a newer year's evaluation.
/// </summary>
public static class RatingInForce
{
    /// <summary>The offset of China Standard Time, in which publication days are counted.</summary>
    public static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);

    /// <summary>The day (China Standard Time) a publication takes effect.</summary>
    public static DateOnly PublicationDay(DateTimeOffset publishedAt) =>
        DateOnly.FromDateTime(publishedAt.ToOffset(ChinaStandardTime).DateTime);

    /// <summary>The candidate in force on <paramref name="date"/>; null when none was published by then.</summary>
    public static RatingCandidate? Pick(IEnumerable<RatingCandidate> candidates, DateOnly date) =>
        PickBy(candidates, c => (c.Year, c.Version, c.PublishedAt), date, year: null);

    /// <summary>The newest version of year <paramref name="year"/> published on or before <paramref name="date"/>; null when none.</summary>
    public static RatingCandidate? PickYear(IEnumerable<RatingCandidate> candidates, int year, DateOnly date) =>
        PickBy(candidates, c => (c.Year, c.Version, c.PublishedAt), date, year);

    /// <summary>The rating in force on <paramref name="date"/> among one enterprise's published ratings.</summary>
    public static RatingFact? Pick(IEnumerable<RatingFact> ratings, DateOnly date) =>
        PickBy(ratings, r => (r.Year, r.Version, r.PublishedAt), date, year: null);

    /// <summary>
    /// The newest version of year <paramref name="year"/> published on or before <paramref name="date"/>:
    /// "the previous year's evaluation" of clauses (七) and (九) is <c>PickYear(ratings, date.Year - 1, date)</c>.
    /// </summary>
    public static RatingFact? PickYear(IEnumerable<RatingFact> ratings, int year, DateOnly date) =>
        PickBy(ratings, r => (r.Year, r.Version, r.PublishedAt), date, year);

    private static T? PickBy<T>(IEnumerable<T> items, Func<T, (int Year, int Version, DateTimeOffset At)> key, DateOnly date, int? year)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(items);
        T? best = null;
        (int Year, int Version, DateTimeOffset At) bestKey = default;
        foreach (var item in items)
        {
            var k = key(item);
            if (PublicationDay(k.At) > date || (year is { } only && k.Year != only))
            {
                continue;
            }

            // Year, then version, then the later publication instant (a duplicate key is a store bug; stay deterministic).
            if (best is null || (k.Year, k.Version, k.At.UtcTicks).CompareTo((bestKey.Year, bestKey.Version, bestKey.At.UtcTicks)) > 0)
            {
                best = item;
                bestKey = k;
            }
        }

        return best;
    }
}
