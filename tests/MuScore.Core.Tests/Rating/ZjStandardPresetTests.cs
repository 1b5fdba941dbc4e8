using MuScore.Core.Indicators;
using MuScore.Core.Rating;
using MuScore.Core.Records;
using MuScore.Core.Schemes;
using MuScore.Core.Tests.Builders;

namespace MuScore.Core.Tests.Rating;

/// <summary>
/// zj-standard worked by hand (docs/method.md §5, §7): pool-aggregate benchmarks Σnum / Σden, cap 3,
/// ABOVE and BELOW pools, BELOW under 3 mu excluded. Totals and orders were worked out with exact
/// fractions; the test also recomputes every item from the formulas.
/// </summary>
public sealed class ZjStandardPresetTests
{
    private static readonly Scheme Zj = SchemePresets.Get("zj-standard");

    // land, tax, value added, energy, cod/nh3n/so2/nox, employees, rd, revenue
    private static readonly EnterpriseRecord A1 = Above(1, 10, 400, 2000, 1000, (1m, 0.5m, 2m, 1.5m), 100, 60, 3000);
    private static readonly EnterpriseRecord A2 = Above(2, 20, 200, 1500, 500, (2m, 1m, 4m, 3m), 150, 30, 2500);
    private static readonly EnterpriseRecord A3 = Above(3, 5, 300, 800, 800, (0.5m, 0.5m, 0.5m, 0.5m), 40, 0, 1000);
    private static readonly EnterpriseRecord A4 = Above(4, 15, 150, 1200, 600, (1m, 0.2m, 1m, null), 80, 20, 1500);
    private static readonly EnterpriseRecord A5 = Above(5, 8, 100, -200, 400, (1m, 1m, 1m, 1m), 60, 10, 800);
    private static readonly EnterpriseRecord A6 = Above(6, 2, 50, 300, null, (0.2m, 0.1m, 0.3m, 0.4m), 0, 5, 0);
    private static readonly EnterpriseRecord A7 = Above(7, 10, 10, 100, 200, (1m, 1m, 1m, 1m), 20, 0, 400);

    // BELOW: land, tax, electricity. B2's land is 2.25 + 0.97 − 0.22 = 3 exactly.
    private static readonly EnterpriseRecord B1 = EnterpriseBuilder.Create(11).Below().Land(4).Tax(20).Electricity(100).Build();
    private static readonly EnterpriseRecord B2 = EnterpriseBuilder.Create(12).Below().Land(2.25m, 0.97m, 0.22m).Tax(30).Electricity(50).Build();
    private static readonly EnterpriseRecord B3 = EnterpriseBuilder.Create(13).Below().Land(6).Tax(12).Electricity(0).Build();
    private static readonly EnterpriseRecord B4 = EnterpriseBuilder.Create(14).Below().Land(5).Tax(8).Electricity(null).Build();

    // Out of scope, with figures that would move every benchmark if they were counted.
    private static readonly EnterpriseRecord SmallBelow = EnterpriseBuilder.Create(15).Below().Land(2.999m).Tax(5000).Electricity(1).Build();
    private static readonly EnterpriseRecord Utility = EnterpriseBuilder.Create(16).Industry("D4411").Land(1).Tax(90000).ValueAdded(900000).Build();

    private static readonly EnterpriseRecord[] AbovePool = [A1, A2, A3, A4, A5, A6, A7];
    private static readonly EnterpriseRecord[] BelowPool = [B1, B2, B3, B4];

    private static RatingRun Run() => Engine.Rate(Zj, [A1, A2, B1, A3, SmallBelow, A4, B2, A5, Utility, A6, B3, A7, B4]);

    [Fact]
    public void Rate_AbovePool_BenchmarksAreAggregateRatiosOfRatedMembers()
    {
        var pool = Run().PoolOf("ABOVE");

        // Σtax / Σland = 1210 / 70; Σva / Σland = 5700 / 70; energy, emissions, employees and revenue
        // over the members that report them (A6 has no energy, A4 no NOx, A6 0 employees and revenue).
        double[] expected =
        [
            1210.0 / 70, 5700.0 / 70, 5400.0 / 3500, 4500.0 / 26, 5400.0 / 450, 120.0 / 9200,
        ];
        Assert.Equal(6, pool.Benchmarks.Count);
        Assert.Equal([Indicator.TaxPerMu, Indicator.VaPerMu, Indicator.VaPerEnergy, Indicator.VaPerEmission, Indicator.LabourProductivity, Indicator.RdIntensity], pool.Benchmarks.Select(b => b.Indicator));
        for (var k = 0; k < expected.Length; k++)
        {
            Assert.Equal(expected[k], pool.Benchmarks[k].Benchmark!.Value, Expected.Tolerance);
        }

        var computed = AggregateBenchmarks(AbovePool);
        for (var k = 0; k < computed.Length; k++)
        {
            Assert.Equal(computed[k], pool.Benchmarks[k].Benchmark!.Value, Expected.Tolerance);
        }

        Assert.Equal(7, pool.Size);
    }

    [Fact]
    public void Rate_AbovePool_ItemsAreRatioToBenchmarkWithMeanImputation()
    {
        var run = Run();
        var b = AggregateBenchmarks(AbovePool);
        double[][] columns =
        [
            Expected.Column(AbovePool, r => (r.Tax, r.LandMu), b[0], 30),
            Expected.Column(AbovePool, r => (r.ValueAdded, r.LandMu), b[1], 20),
            Expected.Column(AbovePool, r => (r.ValueAdded, r.EnergyTce), b[2], 20),
            Expected.Column(AbovePool, r => (r.ValueAdded, Emissions(r)), b[3], 10),
            Expected.Column(AbovePool, r => (r.ValueAdded, r.Employees == 0 ? null : r.Employees), b[4], 10),
            Expected.Column(AbovePool, r => (r.Rd, r.Revenue == 0 ? null : r.Revenue), b[5], 10),
        ];

        for (var i = 0; i < AbovePool.Length; i++)
        {
            var items = run.Rated(AbovePool[i]).Items;
            for (var k = 0; k < columns.Length; k++)
            {
                Assert.Equal(columns[k][i], items[k].Score, Expected.Tolerance);
            }

            Assert.Equal(Expected.Round6(columns.Sum(c => c[i])), run.Rated(AbovePool[i]).Total, Expected.Tolerance);
        }

        // Spot checks by hand: A3's tax_per_mu 60 is 3.47 × 17.29, capped at 3 × 30; A5's negative
        // value added scores 0 on every value-added item.
        Assert.Equal(90.0, run.Rated(A3).Items[0].Score);
        Assert.All(run.Rated(A5).Items.Skip(1).Take(4), item => Assert.Equal(0.0, item.Score));
        Assert.Equal([Indicator.VaPerEmission], run.Rated(A4).Items.Where(i => i.Imputed).Select(i => i.Indicator));
        Assert.Equal([Indicator.VaPerEnergy, Indicator.LabourProductivity, Indicator.RdIntensity], run.Rated(A6).Items.Where(i => i.Imputed).Select(i => i.Indicator));
    }

    [Fact]
    public void Rate_AbovePool_TotalsRanksAndClassesFollowTheQuota()
    {
        var run = Run();

        // Worked with exact fractions and rounded half-to-even to 6 decimals.
        Assert.Equal(199.581332, run.Rated(A1).Total);
        Assert.Equal(182.038986, run.Rated(A3).Total);
        Assert.Equal(133.040103, run.Rated(A6).Total);
        Assert.Equal(100.865313, run.Rated(A2).Total);
        Assert.Equal(97.930421, run.Rated(A4).Total);
        Assert.Equal(31.277548, run.Rated(A5).Total);
        Assert.Equal(16.28427, run.Rated(A7).Total);

        // n = 7: ⌊1.4⌋ = 1 A, ⌊4.2⌋ = 4 so ranks 2–4 B, ⌊0.35⌋ = 0 D, the rest C.
        Assert.Equal([A1.CreditCode, A3.CreditCode, A6.CreditCode, A2.CreditCode, A4.CreditCode, A5.CreditCode, A7.CreditCode], run.RankedCodes("ABOVE"));
        Assert.Equal(
            [RatingClass.A, RatingClass.B, RatingClass.B, RatingClass.B, RatingClass.C, RatingClass.C, RatingClass.C],
            run.RankedCodes("ABOVE").Select(c => run.Rated(c).Class));
        Assert.Equal([1, 3, 3, 0], run.PoolOf("ABOVE").ClassCounts);
    }

    [Fact]
    public void Rate_BelowPool_ScoresTaxPerMuAndTaxPerKwhAgainstAggregates()
    {
        var run = Run();
        var pool = run.PoolOf("BELOW");

        // tax_per_mu: Σtax 70 / Σland 18. tax_per_kwh: B4 reports no electricity; B3's zero
        // electricity adds its tax but no kWh: (20 + 30 + 12) / (100 + 50 + 0).
        Assert.Equal(70.0 / 18, pool.Benchmarks[0].Benchmark!.Value, Expected.Tolerance);
        Assert.Equal(62.0 / 150, pool.Benchmarks[1].Benchmark!.Value, Expected.Tolerance);

        var kwh = Expected.Column(BelowPool, r => (r.Tax, r.Electricity), 62.0 / 150, 50);
        Assert.Equal(150.0, run.Rated(B3).Items[1].Score);
        Assert.Equal(ItemBasis.ZeroDenominator, run.Rated(B3).Items[1].Basis);
        Assert.Equal(Expected.Mean(kwh[0], kwh[1], kwh[2]), run.Rated(B4).Items[1].Score, Expected.Tolerance);
        Assert.True(run.Rated(B4).Items[1].Imputed);

        Assert.Equal(201.152074, run.Rated(B2).Total);
        Assert.Equal(175.714286, run.Rated(B3).Total);
        Assert.Equal(102.829493, run.Rated(B4).Total);
        Assert.Equal(88.479263, run.Rated(B1).Total);

        // n = 4: ⌊0.8⌋ = 0 A, ⌊2.4⌋ = 2 B, ⌊0.2⌋ = 0 D.
        Assert.Equal([B2.CreditCode, B3.CreditCode, B4.CreditCode, B1.CreditCode], run.RankedCodes("BELOW"));
        Assert.Equal([RatingClass.B, RatingClass.B, RatingClass.C, RatingClass.C], run.RankedCodes("BELOW").Select(c => run.Rated(c).Class));
    }

    [Fact]
    public void Rate_OutOfScopeRows_AreExcludedWithTheirReason()
    {
        var run = Run();
        Assert.Equal(RowStatus.Excluded, run.Outcome(SmallBelow.CreditCode).Status);
        Assert.Equal([ExclusionReason.BelowScaleSmallLand], run.Outcome(SmallBelow.CreditCode).Exclusions);
        Assert.Equal([ExclusionReason.Utility], run.Outcome(Utility.CreditCode).Exclusions);
        Assert.Equal(13, run.Rows.Count);
        Assert.Equal(Enumerable.Range(2, 13), run.Rows.Select(r => r.RowNumber));
    }

    private static EnterpriseRecord Above(
        int serial, decimal land, decimal tax, decimal va, decimal? energy,
        (decimal? Cod, decimal? Nh3n, decimal? So2, decimal? Nox) p, decimal employees, decimal rd, decimal revenue) =>
        EnterpriseBuilder.Create(serial).Land(land).Tax(tax).ValueAdded(va).Energy(energy)
            .Pollutants(p.Cod, p.Nh3n, p.So2, p.Nox).Employees(employees).Rd(rd).Revenue(revenue).Build();

    private static decimal? Emissions(EnterpriseRecord r) =>
        r.Cod is { } c && r.Nh3n is { } n && r.So2 is { } s && r.Nox is { } x ? c + n + s + x : null;

    private static double[] AggregateBenchmarks(EnterpriseRecord[] pool) =>
    [
        Expected.Aggregate(pool.Select(r => ((decimal?)r.Tax, (decimal?)r.LandMu)))!.Value,
        Expected.Aggregate(pool.Select(r => (r.ValueAdded, (decimal?)r.LandMu)))!.Value,
        Expected.Aggregate(pool.Select(r => (r.ValueAdded, r.EnergyTce)))!.Value,
        Expected.Aggregate(pool.Select(r => (r.ValueAdded, Emissions(r))))!.Value,
        Expected.Aggregate(pool.Select(r => (r.ValueAdded, r.Employees == 0 ? null : r.Employees)))!.Value,
        Expected.Aggregate(pool.Select(r => (r.Rd, r.Revenue == 0 ? null : r.Revenue)))!.Value,
    ];
}
