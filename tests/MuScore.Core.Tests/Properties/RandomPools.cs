using MuScore.Core.Indicators;
using MuScore.Core.Records;
using MuScore.Core.Schemes;
using MuScore.Core.Tests.Builders;

namespace MuScore.Core.Tests.Properties;

/// <summary>
/// Seeded random inputs: plausible enterprises with blanks, reported zeros, losses, vetoes,
/// construction projects, bonus points and a few out-of-scope rows, rated under varied schemes.
/// </summary>
internal static class RandomPools
{
    public const int Seeds = 300;

    private static readonly decimal[] Investments = [2999.99m, 3000m, 5000m, 9999.99m, 10000m, 25000m];

    /// <summary>The schemes the properties run under, by seed.</summary>
    public static readonly Scheme[] Schemes =
    [
        SchemePresets.Get("zj-standard"),
        SchemePresets.Get("linhai-2014"),
        SchemePresets.Get("huaian-2024"),
        new SchemeBuilder().MinMax()
            .Pool("ABOVE", Scale.Above)
            .Item(Indicator.TaxPerMu, 40, SchemeBuilder.Fixed(1)).Item(Indicator.VaPerEnergy, 30, SchemeBuilder.Fixed(1))
            .Item(Indicator.TaxPerKwh, 20, SchemeBuilder.Fixed(1)).Item(Indicator.LabourProductivity, 10, SchemeBuilder.Fixed(1))
            .Pool("BELOW", Scale.Below).Item(Indicator.TaxPerMu, 60, SchemeBuilder.Fixed(1)).Item(Indicator.VaPerEmission, 40, SchemeBuilder.Fixed(1))
            .Build(),
        new SchemeBuilder().Thresholds(150, 90, 40).Cap(2.5)
            .Pool("ALL").Item(Indicator.TaxPerMu, 60, SchemeBuilder.Aggregate(1.5)).Item(Indicator.TaxPerEnergy, 40, SchemeBuilder.Aggregate())
            .Build(),
    ];

    public static Scheme SchemeFor(int seed) => Schemes[seed % Schemes.Length];

    /// <summary>A table of 1 to 60 rows for the seed.</summary>
    public static EnterpriseRecord[] Generate(int seed)
    {
        var rng = new Prng((ulong)seed * 7919UL + 17UL);
        var n = rng.Between(1, 60);
        return [.. Enumerable.Range(1, n).Select(i => Enterprise(rng, i))];
    }

    private static EnterpriseRecord Enterprise(Prng rng, int serial)
    {
        var own = rng.Chance(10) ? rng.Amount(4) + 0.01m : rng.Amount(150) + 0.5m;
        var leasedIn = rng.Chance(20) ? rng.Amount(20) : 0m;
        var leasedOut = rng.Chance(15) ? Math.Min(rng.Amount(10), own / 2) : 0m;
        var builder = EnterpriseBuilder.Create(serial)
            .Scale(rng.Chance(70) ? Scale.Above : Scale.Below)
            .Land(own, leasedIn, leasedOut)
            .Tax(rng.Chance(5) ? 0m : rng.Amount(3000))
            .ValueAdded(Maybe(rng, rng.Chance(8) ? -rng.Amount(500) : rng.Amount(20000)))
            .Revenue(MaybeZero(rng, 60000))
            .Energy(MaybeZero(rng, 8000))
            .Electricity(MaybeZero(rng, 5000))
            .Water(MaybeZero(rng, 90000))
            .Pollutants(MaybeZero(rng, 30), MaybeZero(rng, 5), MaybeZero(rng, 30), MaybeZero(rng, 30))
            .Employees(MaybeZero(rng, 1500))
            .Rd(Maybe(rng, rng.Amount(900)))
            .Points(rng.Chance(10) ? rng.Amount(5) : 0m, rng.Chance(10) ? rng.Amount(5) : 0m);
        if (rng.Chance(12))
        {
            builder.Construction(Investments[rng.Next(Investments.Length)]);
        }

        if (rng.Chance(3))
        {
            builder.MajorIncident();
        }

        if (rng.Chance(3))
        {
            builder.FailsStandards();
        }

        if (rng.Chance(3))
        {
            builder.Industry("D4411");
        }

        if (rng.Chance(3))
        {
            builder.ProductionStart(new DateOnly(2025, rng.Between(1, 12), rng.Between(1, 28)));
        }

        return builder.Build();
    }

    private static decimal? Maybe(Prng rng, decimal value) => rng.Chance(8) ? null : value;

    private static decimal? MaybeZero(Prng rng, int max) => rng.Chance(6) ? null : rng.Chance(5) ? 0m : rng.Amount(max);
}
