using System.Globalization;
using MuScore.Core.Indicators;
using MuScore.Core.Rating;
using MuScore.Server.Tests.Support;
using MuScore.Store;

namespace MuScore.Server.Tests.Caching.Support;

/// <summary>Runs built in code for the cache tests: <c>count</c> rated enterprises whose scores depend on a tag, so versions differ.</summary>
internal static class StoredRatings
{
    public static string Code(int serial, string region) => Records.Code(serial, region);

    public static List<StoredRating> Run(string region, int year, int count, int tag) =>
        [.. Enumerable.Range(1, count).Select(serial => Rated(region, year, serial, tag, count))];

    public static DraftRun Draft(string region, int year, IReadOnlyList<StoredRating> ratings, int tag)
    {
        var inputHash = string.Create(CultureInfo.InvariantCulture, $"cache-test-{region}-{year}-{tag}");
        return new DraftRun
        {
            RunId = DraftRunBuilder.RunIdFor(inputHash, "scheme-hash", region, year),
            Region = region,
            Year = year,
            SchemeId = "zj-standard",
            SchemeVersion = "2024.1",
            SchemeHash = "scheme-hash",
            InputHash = inputHash,
            CreatedAt = new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero).AddMinutes(tag),
            SubmittedBy = "cache-test",
            RecordCount = ratings.Count,
            Pools = [new PoolCounts("ABOVE", ratings.Count, ratings.Count, 0, 0, 0)],
            Rejected = [],
            Ratings = ratings,
        };
    }

    private static StoredRating Rated(string region, int year, int serial, int tag, int poolSize) => new()
    {
        CreditCode = Code(serial, region),
        Name = string.Create(CultureInfo.InvariantCulture, $"企业{serial}"),
        Region = region,
        Year = year,
        Industry = "C3670",
        Scale = "ABOVE",
        Status = RowStatus.Rated,
        LandMu = 10m + serial,
        Rating = new EnterpriseRating
        {
            Pool = "ABOVE",
            LandMu = 10m + serial,
            Items = new ItemScore[]
            {
                new(Indicator.TaxPerMu, serial + (tag / 10.0), 24.0, 30, 12.5 + tag, ItemBasis.Scored),
                new(Indicator.VaPerEnergy, null, 2.5, 20, 10, ItemBasis.Imputed),
            },
            Bonus = 0,
            Penalty = 0,
            Total = 50 + tag + (serial / 1000.0),
            Rank = serial,
            PoolSize = poolSize,
            Percentile = 100.0 * serial / poolSize,
            QuotaRank = serial,
            QuotaPoolSize = poolSize,
            Class = RatingClass.A,
            Override = OverrideKind.None,
            GapToNextClass = null,
            ConsecutiveDYears = 0,
        },
    };
}
