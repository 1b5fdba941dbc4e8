using MuScore.Core.Policies;
using MuScore.Store;

namespace MuScore.Server.Policies;

/// <summary>
/// Reads the published ratings policy answers rely on, as <see cref="RatingFact"/>s, straight from
/// the store (not the caches: an answer must name the exact publication it used). The store only
/// exposes the newest publication of a region and year, so for each year only that version is a
/// candidate: when it was published after the date, the year counts as not yet published, even if
/// an older version of it was in force on the date (docs/policy-service.md).
/// </summary>
internal sealed class PublishedRatingFacts(IRatingStore store)
{
    /// <summary>How many evaluated years before the date's year are searched for the rating in force.</summary>
    public const int YearsBack = 3;

    /// <summary>
    /// Every RATED rating of <paramref name="codes"/> in the newest publication of each year
    /// <paramref name="fromYear"/>..<paramref name="toYear"/> of <paramref name="region"/> that was
    /// published on or before <paramref name="latestDate"/> (China time), by credit code.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, List<RatingFact>>> ReadAsync(
        string region, IReadOnlyCollection<string> codes, int fromYear, int toYear, DateOnly latestDate, CancellationToken cancellationToken)
    {
        var facts = new Dictionary<string, List<RatingFact>>(StringComparer.Ordinal);
        for (var year = toYear; year >= fromYear; year--)
        {
            var publication = await store.GetLatestPublicationAsync(region, year, cancellationToken).ConfigureAwait(false);

            // Another year's publication is never returned for an explicit year; check anyway so a store bug cannot leak one.
            if (publication is null || publication.Year != year || RatingInForce.PublicationDay(publication.PublishedAt) > latestDate)
            {
                continue;
            }

            var stored = await store.GetRatingsAsync(publication, codes, cancellationToken).ConfigureAwait(false);
            foreach (var rating in stored.Values)
            {
                if (ToFact(rating, publication) is not { } fact)
                {
                    continue;
                }

                if (!facts.TryGetValue(fact.CreditCode, out var list))
                {
                    list = [];
                    facts.Add(fact.CreditCode, list);
                }

                list.Add(fact);
            }
        }

        return facts;
    }

    /// <summary>The rating in force on <paramref name="date"/> among the facts read for one code; null when none.</summary>
    public static RatingFact? InForce(IReadOnlyDictionary<string, List<RatingFact>> facts, string code, DateOnly date) =>
        facts.TryGetValue(code, out var list)
            ? RatingInForce.Pick(list.Where(f => f.Year <= date.Year && f.Year >= date.Year - YearsBack), date)
            : null;

    /// <summary>The previous year's evaluation (year = date.Year − 1) published on or before <paramref name="date"/>; null when none.</summary>
    public static RatingFact? PreviousYear(IReadOnlyDictionary<string, List<RatingFact>> facts, string code, DateOnly date) =>
        facts.TryGetValue(code, out var list) ? RatingInForce.PickYear(list, date.Year - 1, date) : null;

    /// <summary>Only RATED rows have a class; an EXCLUDED enterprise has no rating in that publication.</summary>
    private static RatingFact? ToFact(StoredRating stored, Publication publication) =>
        stored.Rating is { } rating
            ? new RatingFact(stored.CreditCode, publication.Region, publication.Year, rating.Class, rating.ConsecutiveDYears,
                publication.RunId, publication.Version, publication.PublishedAt)
            : null;
}
