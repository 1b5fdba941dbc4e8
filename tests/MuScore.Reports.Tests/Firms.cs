using MuScore.Core.Rating;
using MuScore.Core.Records;
using MuScore.Core.Schemes;
using MuScore.Reports;

namespace MuScore.Reports.Tests;

/// <summary>
/// Deterministic synthetic enterprises of one county on 10 mu each (so a per-mu value times the
/// land is exact in decimal), rated in code by the real engine.
/// </summary>
internal static class Firms
{
    public const string Region = "331082";

    public const int Year = 2025;

    /// <summary><paramref name="count"/> ABOVE-scale manufacturers with spread-out figures; the same seed gives the same firms.</summary>
    public static EnterpriseRecord[] Make(int count, int seed = 7)
    {
        var random = new Random(seed);
        return Enumerable.Range(1, count).Select(i => new EnterpriseRecord
        {
            CreditCode = Code(i),
            Name = $"企业{i}",
            Region = Region,
            Industry = "C3670",
            Division = 36,
            Scale = Scale.Above,
            LandOwnMu = 10m,
            Tax = Figure(random, 20, 600),
            ValueAdded = Figure(random, 100, 3000),
            Revenue = Figure(random, 500, 9000),
            EnergyTce = Figure(random, 100, 900),
            Electricity = Figure(random, 50, 900),
            Water = Figure(random, 5000, 90000),
            Cod = Figure(random, 1, 9),
            Nh3n = 0.2m,
            So2 = 0.5m,
            Nox = 0.8m,
            Employees = Figure(random, 20, 400),
            Rd = Figure(random, 5, 200),
        }).ToArray();
    }

    public static RatingRun Rate(Scheme scheme, IEnumerable<EnterpriseRecord> records) =>
        RatingEngine.Rate(new RatingRequest
        {
            Scheme = scheme,
            Year = Year,
            Region = Region,
            Rows = [.. records.Select((r, i) => ParsedRow.Valid(i + 2, r))],
            InputHash = "test-input",
        });

    public static RatingSet Set(Scheme scheme, IEnumerable<EnterpriseRecord> records) =>
        RatingSets.FromRun(Rate(scheme, records), scheme, "test");

    /// <summary>A valid GB 32100-2015 code from a serial number.</summary>
    public static string Code(int serial)
    {
        var body = new char[17];
        "91".CopyTo(body);
        Region.CopyTo(body.AsSpan(2));
        var rest = serial;
        for (var i = 16; i >= 8; i--)
        {
            body[i] = CreditCode.Alphabet[rest % 31];
            rest /= 31;
        }

        return new string(body) + CreditCode.CheckCharacter(body);
    }

    /// <summary>A figure with two decimals between the bounds.</summary>
    private static decimal Figure(Random random, int low, int high) =>
        Math.Round((decimal)(low + (random.NextDouble() * (high - low))), 2);
}
