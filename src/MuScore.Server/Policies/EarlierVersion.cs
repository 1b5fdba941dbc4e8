using MuScore.Core.Policies;
using MuScore.Store;

namespace MuScore.Server.Policies;

/// <summary>
/// The ratings of a region and year as the version in force on a date had them, for dates before
/// the year's latest correction. Read straight from the store: the caches hold the newest version,
/// and bills for a past period after a correction are rare.
/// </summary>
internal sealed class EarlierVersion(IRatingStore store)
{
    /// <summary>The RATED ratings of <paramref name="codes"/> in the publication in force on <paramref name="date"/>, by code.</summary>
    public async Task<IReadOnlyDictionary<string, RatingFact>> ReadAsync(
        string region, int year, DateOnly date, IReadOnlyCollection<string> codes, CancellationToken cancellationToken)
    {
        // In force on the date = published before the next day begins in China Standard Time.
        var dayAfter = new DateTimeOffset(date.AddDays(1).ToDateTime(TimeOnly.MinValue), RatingInForce.ChinaStandardTime);
        var publication = await store.GetPublicationAsOfAsync(region, year, dayAfter, cancellationToken).ConfigureAwait(false);
        if (publication is null || publication.Year != year)
        {
            return new Dictionary<string, RatingFact>();
        }

        var stored = await store.GetRatingsAsync(publication, codes, cancellationToken).ConfigureAwait(false);
        var facts = new Dictionary<string, RatingFact>(StringComparer.Ordinal);
        foreach (var (code, rating) in stored)
        {
            if (rating.Rating is { } rated)
            {
                facts[code] = new RatingFact(code, publication.Region, publication.Year, rated.Class, rated.ConsecutiveDYears,
                    publication.RunId, publication.Version, publication.PublishedAt);
            }
        }

        return facts;
    }
}
