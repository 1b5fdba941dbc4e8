using Google.Protobuf.WellKnownTypes;
using MuScore.Contracts.V1;

namespace MuScore.LoadBench.Baseline;

/// <summary>
/// A GetRatingResponse shaped like a real one when no captured response is at hand: a RATED
/// manufacturer of region 331082 with six scored items (the zj-standard indicators, doubles at
/// full precision as the engine computes them) and every field a real one carries.
/// `setup` prints its size next to a real captured response's.
/// </summary>
internal static class RealisticRating
{
    private static readonly (string Indicator, double Value, double Benchmark, double Weight, double Score)[] Items =
    [
        ("tax_per_mu", 18.734219570498913, 24.996252448649813, 30, 21.483010225614177),
        ("va_per_mu", 121.02041780260303, 149.50767827338083, 20, 16.189540336610867),
        ("va_per_energy", 2.3188451930747923, 1.72012735373409, 20, 26.961230146781696),
        ("va_per_emission", 804.12933167588131, 3097.2600152595487, 10, 2.5962637554933618),
        ("labour_productivity", 18.104211515463919, 15.974225183847357, 10, 11.333416983769774),
        ("rd_intensity", 0.031452086930690907, 0.025751080900951885, 10, 12.213848908394057),
    ];

    public static GetRatingResponse Response()
    {
        var rating = new Rating
        {
            CreditCode = "91331082MA2ABCDE1X",
            Name = "临海市样例机械制造有限公司",
            Region = "331082",
            Year = 2024,
            Industry = "C3484",
            Scale = "ABOVE",
            Status = RatingStatus.Rated,
            Pool = "ABOVE",
            TotalScore = 91.777310,
            // Most enterprises have no bonus or penalty points, and proto3 sends no zero.
            Bonus = 0,
            Penalty = 0,
            Rank = 1234,
            PoolSize = 14_218,
            Percentile = 8.6784364890983258,
            QuotaRank = 1201,
            QuotaPoolSize = 14_102,
            RatingClass = RatingClass.B,
            OverrideKind = OverrideKind.None,
            GapToNextClass = 3.184205,
            ConsecutiveDYears = 0,
            LandMu = "42.75",
            SchemeId = "zj-standard",
            SchemeVersion = "2024.1",
            SchemeHash = new string('5', 64),
            InputHash = new string('a', 64),
            RunId = new string('e', 64),
            Version = 1,
            PublishedAt = Timestamp.FromDateTimeOffset(new DateTimeOffset(2025, 3, 31, 8, 0, 0, 123, TimeSpan.Zero)),
        };
        foreach (var (indicator, value, benchmark, weight, score) in Items)
        {
            rating.Items.Add(new ItemScore
            {
                Indicator = indicator,
                Value = value,
                Benchmark = benchmark,
                Weight = weight,
                Score = score,
                Imputed = false,
                Basis = "scored",
            });
        }

        return new GetRatingResponse { Rating = rating };
    }
}
