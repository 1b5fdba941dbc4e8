using MuScore.Core.Indicators;
using MuScore.Core.Rating;
using MuScore.Core.Records;
using MuScore.Core.Schemes;
using MuScore.Core.Tests.Builders;

namespace MuScore.Core.Tests.Rating;

/// <summary>
/// linhai-2014 worked by hand (docs/method.md §7, §10): fixed benchmarks, pools by land (GE3: ≥ 3 mu,
/// LT3: &lt; 3 mu) whatever the scale, and BELOW enterprises under 3 mu rated in LT3.
/// </summary>
public sealed class LinhaiPresetTests
{
    private static readonly Scheme Linhai = SchemePresets.Get("linhai-2014");

    // GE3: land, tax, revenue, value added, energy, cod, water, employees.
    private static readonly EnterpriseRecord L1 = Large(1, 10, 150, 6000, 900, 100, 0.9m, 3000, 30);
    private static readonly EnterpriseRecord L2 = Large(2, 3, 9, 450, 60, 40, 0.2m, 1200, 8, Scale.Below);
    private static readonly EnterpriseRecord L3 = Large(3, 20, 600, 2000, 3000, 500, null, 50000, 250);
    private static readonly EnterpriseRecord L4 = Large(4, 8, 20, 1200, -100, 50, 1m, 1000, 20);
    private static readonly EnterpriseRecord L5 = Large(5, 12, 400, 14400, 2400, 0, 2m, 8000, 0);

    // LT3: land, tax, revenue, electricity.
    private static readonly EnterpriseRecord S1 = Small(11, 2m, 40, 900, 10, Scale.Below);
    private static readonly EnterpriseRecord S2 = Small(12, 2.999m, 10, 300, 20, Scale.Below);
    private static readonly EnterpriseRecord S3 = Small(13, 2.5m, 100, 200, null, Scale.Above);
    private static readonly EnterpriseRecord S4 = Small(14, 1m, 3, 50, 0, Scale.Below);

    private static RatingRun Run() => Engine.Rate(Linhai, [S1, L1, L2, S2, L3, S3, L4, S4, L5]);

    [Fact]
    public void Rate_Ge3Pool_ScoresAgainstFixedBenchmarks()
    {
        var run = Run();
        var pool = run.PoolOf("GE3");
        Assert.Equal([15.0, 300.0, 3.0, 500.0, 0.1, 15.0], pool.Benchmarks.Select(b => b.Benchmark!.Value));

        // L1 by hand: 15/15 → 40; 600/300 → 2 × 10; 9/3 → 3 × 20; 1000/500 → 2 × 15; 0.3/0.1 → 3 × 5; 30/15 → 2 × 10.
        Assert.Equal([40.0, 20.0, 60.0, 30.0, 15.0, 20.0], run.Rated(L1).Items.Select(i => i.Score), new Close());
        Assert.Equal(185.0, run.Rated(L1).Total);

        // L5: zero energy with positive value added earns the cap (3 × 20); 0 employees is missing,
        // imputed as the mean of the others' labour scores (20 + 5 + 8 + 0) / 4.
        Assert.Equal(60.0, run.Rated(L5).Items[2].Score);
        Assert.Equal(ItemBasis.ZeroDenominator, run.Rated(L5).Items[2].Basis);
        Assert.Equal(Expected.Mean(20, 5, 8, 0), run.Rated(L5).Items[5].Score, Expected.Tolerance);
        Assert.True(run.Rated(L5).Items[5].Imputed);

        // L3 reports no COD: the mean of the four who do, after the cap.
        double[] cod = Expected.Column([L1, L2, L4, L5], r => (r.ValueAdded, r.Cod), 500, 15);
        Assert.Equal(Expected.Mean(cod), run.Rated(L3).Items[3].Score, Expected.Tolerance);

        Assert.Equal(238.138889, run.Rated(L5).Total);
        Assert.Equal(153.083333, run.Rated(L3).Total);
        Assert.Equal(39.5, run.Rated(L2).Total);
        Assert.Equal(11.666667, run.Rated(L4).Total);

        // n = 5: 1 A, ranks 2–3 B, no D.
        Assert.Equal([L5.CreditCode, L1.CreditCode, L3.CreditCode, L2.CreditCode, L4.CreditCode], run.RankedCodes("GE3"));
        Assert.Equal([RatingClass.A, RatingClass.B, RatingClass.B, RatingClass.C, RatingClass.C], run.RankedCodes("GE3").Select(c => run.Rated(c).Class));
    }

    [Fact]
    public void Rate_Ge3Pool_EveryItemFollowsTheRatioFormula()
    {
        EnterpriseRecord[] pool = [L1, L2, L3, L4, L5];
        var run = Run();
        double[][] columns =
        [
            Expected.Column(pool, r => (r.Tax, r.LandMu), 15, 40),
            Expected.Column(pool, r => (r.Revenue, r.LandMu), 300, 10),
            Expected.Column(pool, r => (r.ValueAdded, r.EnergyTce), 3, 20),
            Expected.Column(pool, r => (r.ValueAdded, r.Cod), 500, 15),
            Expected.Column(pool, r => (r.ValueAdded, r.Water), 0.1, 5),
            Expected.Column(pool, r => (r.ValueAdded, r.Employees == 0 ? null : r.Employees), 15, 10),
        ];
        for (var i = 0; i < pool.Length; i++)
        {
            var rating = run.Rated(pool[i]);
            Assert.Equal(columns.Select(c => c[i]), rating.Items.Select(s => s.Score), new Close());
            Assert.Equal(Expected.Round6(columns.Sum(c => c[i])), rating.Total, Expected.Tolerance);
        }
    }

    [Fact]
    public void Rate_Lt3Pool_RatesSmallEnterprisesOfEitherScaleInsteadOfExcluding()
    {
        var run = Run();
        Assert.All([S1, S2, S3, S4], r => Assert.Equal("LT3", run.Rated(r).Pool));
        Assert.Equal("GE3", run.Rated(L2).Pool);
        Assert.Equal([Indicator.TaxPerMu, Indicator.RevenuePerMu, Indicator.TaxPerKwh], run.PoolOf("LT3").Benchmarks.Select(b => b.Indicator));
        Assert.Equal([15.0, 300.0, 2.0], run.PoolOf("LT3").Benchmarks.Select(b => b.Benchmark!.Value));

        // S3 by hand: 100/2.5 = 40 → 40/15 × 50; 80/300 × 20; electricity blank → mean of
        // 4/2 → 60, 0.5/2 → 7.5 and S4's zero electricity with positive tax → cap 90.
        Assert.Equal(50 * 40.0 / 15, run.Rated(S3).Items[0].Score, Expected.Tolerance);
        Assert.Equal(Expected.Mean(60, 7.5, 90), run.Rated(S3).Items[2].Score, Expected.Tolerance);
        Assert.Equal(90.0, run.Rated(S4).Items[2].Score);

        Assert.Equal(191.166667, run.Rated(S3).Total);
        Assert.Equal(156.666667, run.Rated(S1).Total);
        Assert.Equal(103.333333, run.Rated(S4).Total);
        Assert.Equal(25.283706, run.Rated(S2).Total);

        // n = 4: no A, 2 B, no D.
        Assert.Equal([S3.CreditCode, S1.CreditCode, S4.CreditCode, S2.CreditCode], run.RankedCodes("LT3"));
        Assert.Equal([RatingClass.B, RatingClass.B, RatingClass.C, RatingClass.C], run.RankedCodes("LT3").Select(c => run.Rated(c).Class));
        Assert.DoesNotContain(run.Rows, r => r.Status != RowStatus.Rated);
    }

    private static EnterpriseRecord Large(
        int serial, decimal land, decimal tax, decimal revenue, decimal va, decimal energy, decimal? cod, decimal water, decimal employees, Scale scale = Scale.Above) =>
        EnterpriseBuilder.Create(serial).Scale(scale).Land(land).Tax(tax).Revenue(revenue).ValueAdded(va)
            .Energy(energy).Pollutants(cod, 0.1m, 0.1m, 0.1m).Water(water).Employees(employees).Build();

    private static EnterpriseRecord Small(int serial, decimal land, decimal tax, decimal revenue, decimal? electricity, Scale scale) =>
        EnterpriseBuilder.Create(serial).Scale(scale).Land(land).Tax(tax).Revenue(revenue).Electricity(electricity).Build();
}
