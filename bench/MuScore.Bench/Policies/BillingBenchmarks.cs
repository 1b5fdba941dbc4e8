using BenchmarkDotNet.Attributes;
using MuScore.Core.Policies;
using MuScore.Core.Rating;

namespace MuScore.Bench.Policies;

/// <summary>
/// The policy core alone, as a grid billing run asks it: N electricity quotes of Shandong
/// enterprises (shandong-2022) for one billing date, each with its rating in force already read —
/// the share of a billing batch that is MuScore's own decision work, without gRPC or the caches
/// (the end-to-end batch is measured by bench/load/run.sh).
/// </summary>
[MemoryDiagnoser]
public class BillingBenchmarks
{
    private static readonly DateOnly BillingDate = new(2025, 6, 30);
    private (TariffQuery Query, RatingFact? Rating)[] items = [];
    private PolicySet policies = null!;

    /// <summary>Enterprises per billing batch.</summary>
    [Params(10_000, 100_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        policies = PolicyPresets.All;
        var publishedAt = new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.FromHours(8));

        // Classes in the quota shares (20/60/15/5) with a few enterprises D for 1–3 years and some unrated.
        items = new (TariffQuery, RatingFact?)[N];
        for (var i = 0; i < N; i++)
        {
            var code = CreditCodes.For(i);
            var share = i % 100;
            RatingFact? rating = share switch
            {
                < 2 => null,
                < 20 => Fact(code, RatingClass.A, 0),
                < 80 => Fact(code, RatingClass.B, 0),
                < 95 => Fact(code, RatingClass.C, 0),
                _ => Fact(code, RatingClass.D, 1 + (i % 3)),
            };
            items[i] = (new TariffQuery(code, "370102", Utility.Electricity, BillingDate, 1000m + (i % 977)), rating);
        }

        RatingFact Fact(string code, RatingClass ratingClass, int dYears) =>
            new(code, "370102", 2024, ratingClass, dYears, "run-2024", 1, publishedAt);
    }

    [Benchmark]
    public IReadOnlyList<TariffQuote> QuoteBillingBatch() => PolicyEngine.QuoteTariffs(items, policies);
}
