using MuScore.Core.Indicators;
using MuScore.Core.Rating;
using MuScore.TestSupport;

namespace MuScore.Store.Tests.Builders;

/// <summary>Drafts and ratings built in code, with valid credit codes and awkward numbers.</summary>
internal static class TestRuns
{
    public const string Region = "331082";

    public const int Year = 2024;

    public static readonly DateTimeOffset Created = new(2025, 3, 1, 8, 30, 15, TimeSpan.Zero);

    /// <summary>A valid code from a serial: "91", the region, the serial in base 31, the check character.</summary>
    public static string Code(int serial, string region = Region) => TestCreditCodes.Make(serial, region, prefix: "91");

    public static StoredRating Rated(int serial, string pool, int rank, RatingClass ratingClass, string industry = "C3670", int year = Year, string region = Region) => new()
    {
        CreditCode = Code(serial, region),
        Name = $"企业{serial}有限公司",
        Region = region,
        Year = year,
        Industry = industry,
        Scale = pool == "BELOW" ? "BELOW" : "ABOVE",
        Status = RowStatus.Rated,
        LandMu = 2.25m + serial,
        Division = Division(industry),
        Figures = Figures(serial),
        Rating = new EnterpriseRating
        {
            Pool = pool,
            LandMu = 2.25m + serial,
            Items = new ItemScore[]
            {
                new(Indicator.TaxPerMu, 0.1 + 0.2 + serial, 24.097, 30, 1.0 / 3.0, ItemBasis.Scored),
                new(Indicator.VaPerEnergy, null, 2.694, 20, 7.123456789012345, ItemBasis.Imputed),
                new(Indicator.RdIntensity, null, null, 10, 30, ItemBasis.ZeroDenominator),
            },
            Bonus = 0.5,
            Penalty = 1e-7,
            Total = 100 - rank + 0.123456,
            Rank = rank,
            PoolSize = 1000,
            Percentile = 100.0 * rank / 1000,
            QuotaRank = rank,
            QuotaPoolSize = 1000,
            Class = ratingClass,
            Override = OverrideKind.None,
            GapToNextClass = ratingClass == RatingClass.A ? null : 0.1 * rank,
            ConsecutiveDYears = ratingClass == RatingClass.D ? 1 : 0,
        },
    };

    public static StoredRating Excluded(int serial, string industry = "D4411", int year = Year, string region = Region) => new()
    {
        CreditCode = Code(serial, region),
        Name = null,
        Region = region,
        Year = year,
        Industry = industry,
        Scale = "BELOW",
        Status = RowStatus.Excluded,
        ExclusionReasons = ["utility", "below_scale_small_land"],
        LandMu = 0.97m,
        Division = Division(industry),
        Figures = new ReportedFigures(0.50m, null, -3.2m, null),
    };

    /// <summary>
    /// Figures with their scale kept (10.00, not 10): every third revenue, every fourth value added
    /// (the others alternate sign) and every fifth head count not reported.
    /// </summary>
    public static ReportedFigures Figures(int serial) => new(
        TaxWan: 24.10m + serial,
        RevenueWan: serial % 3 == 0 ? null : 10_000.00m + serial,
        ValueAddedWan: serial % 4 == 0 ? null : serial % 2 == 0 ? -12.50m : 400.250m,
        Employees: serial % 5 == 0 ? null : 50m + serial);

    /// <summary>The two-digit division of a GB/T 4754 code, section letter or not.</summary>
    public static int Division(string industry) =>
        int.Parse(industry.AsSpan(char.IsAsciiLetter(industry[0]) ? 1 : 0, 2), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// A mixed run: pools ABOVE and BELOW alternating, ranks 1.. within each pool, classes by rank,
    /// industries cycling through C3670, 3611, C1711 and 1712 in both pools, and every tenth
    /// enterprise EXCLUDED (industry D4411).
    /// </summary>
    public static IReadOnlyList<StoredRating> Mixed(int count, int year = Year, string region = Region, int firstSerial = 1)
    {
        string[] industries = ["C3670", "3611", "C1711", "1712"];
        var ranks = new Dictionary<string, int>();
        var ratings = new List<StoredRating>(count);
        for (var serial = firstSerial; serial < firstSerial + count; serial++)
        {
            if (serial % 10 == 0)
            {
                ratings.Add(Excluded(serial, year: year, region: region));
                continue;
            }

            var pool = serial % 2 == 0 ? "BELOW" : "ABOVE";
            var rank = ranks[pool] = ranks.GetValueOrDefault(pool) + 1;
            ratings.Add(Rated(serial, pool, rank, (RatingClass)(rank % 4), industries[serial / 2 % 4], year, region));
        }

        return ratings;
    }

    /// <summary>Who submits the test drafts unless a test says otherwise.</summary>
    public const string Submitter = "alice";

    /// <summary>Who publishes in the tests unless a test says otherwise (not the submitter: four eyes).</summary>
    public const string Publisher = "bob";

    public static DraftRun Draft(string tag, IReadOnlyList<StoredRating> ratings, int year = Year, string region = Region, DateTimeOffset? createdAt = null, string submittedBy = Submitter) => new()
    {
        RunId = DraftRunBuilder.RunIdFor($"input-{tag}", "scheme-hash", region, year),
        Region = region,
        Year = year,
        SchemeId = "zj-standard",
        SchemeVersion = "2024.1",
        SchemeHash = "scheme-hash",
        InputHash = $"input-{tag}",
        CreatedAt = createdAt ?? Created,
        SubmittedBy = submittedBy,
        RecordCount = ratings.Count + 2,
        Pools =
        [
            .. ratings.Where(r => r.Rating is not null).GroupBy(r => r.Rating!.Pool).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new PoolCounts(
                g.Key, g.Count(), Count(g, RatingClass.A), Count(g, RatingClass.B), Count(g, RatingClass.C), Count(g, RatingClass.D))),
        ],
        Rejected =
        [
            new RejectedRecord(7, "BAD", [new RecordViolation("credit_code", "credit_code_format", "credit code 'BAD' is not 18 characters"), new RecordViolation("tax", "required", "tax is blank")]),
            new RejectedRecord(9, null, [new RecordViolation(string.Empty, "blank_row", "row 10 is blank")]),
        ],
        Ratings = ratings,
    };

    private static int Count(IEnumerable<StoredRating> pool, RatingClass ratingClass) => pool.Count(r => r.Rating!.Class == ratingClass);
}
