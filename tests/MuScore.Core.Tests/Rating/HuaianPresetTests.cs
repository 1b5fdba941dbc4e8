using MuScore.Core.Rating;
using MuScore.Core.Records;
using MuScore.Core.Schemes;
using MuScore.Core.Tests.Builders;

namespace MuScore.Core.Tests.Rating;

/// <summary>
/// huaian-2024 worked by hand (docs/method.md §7): ABOVE and BELOW (≥ 3 mu) pools, tax_per_mu 45,
/// revenue_per_mu 35, tax_per_energy 20, each benchmark twice the pool's aggregate ratio.
/// </summary>
public sealed class HuaianPresetTests
{
    private static readonly Scheme Huaian = SchemePresets.Get("huaian-2024");

    // land, tax, revenue, energy
    private static readonly EnterpriseRecord H1 = Make(1, Scale.Above, 10, 200, 5000, 400);
    private static readonly EnterpriseRecord H2 = Make(2, Scale.Above, 25, 250, 4000, 1000);
    private static readonly EnterpriseRecord H3 = Make(3, Scale.Above, 5, 300, 1500, 100);
    private static readonly EnterpriseRecord H4 = Make(4, Scale.Above, 40, 80, 8000, 2000);
    private static readonly EnterpriseRecord H5 = Make(5, Scale.Above, 12, 600, 9000, null);
    private static readonly EnterpriseRecord H6 = Make(6, Scale.Above, 6, 30, 600, 0);

    private static readonly EnterpriseRecord J1 = Make(11, Scale.Below, 3, 6, 150, 20);
    private static readonly EnterpriseRecord J2 = Make(12, Scale.Below, 5, 20, 300, 50);
    private static readonly EnterpriseRecord J3 = Make(13, Scale.Below, 4, 2, 100, 10);
    private static readonly EnterpriseRecord J4 = Make(14, Scale.Below, 8, 40, 600, 80);
    private static readonly EnterpriseRecord J5 = Make(15, Scale.Below, 10, 15, 800, 60);
    private static readonly EnterpriseRecord J6 = Make(16, Scale.Below, 2.5m, 900, 9000, 1);

    private static readonly EnterpriseRecord[] AbovePool = [H1, H2, H3, H4, H5, H6];
    private static readonly EnterpriseRecord[] BelowPool = [J1, J2, J3, J4, J5];

    private static RatingRun Run() => Engine.Rate(Huaian, [J6, H1, J1, H2, J2, H3, J3, H4, J4, H5, J5, H6]);

    [Fact]
    public void Rate_AbovePool_BenchmarksAreTwiceThePoolAggregate()
    {
        var pool = Run().PoolOf("ABOVE");

        // 2 × 1460/98; 2 × 28100/98; tax_per_energy over those reporting energy, H6's zero energy
        // adding its tax 30 and no tce: 2 × (200+250+300+80+30) / (400+1000+100+2000+0).
        Assert.Equal(2 * 1460.0 / 98, pool.Benchmarks[0].Benchmark!.Value, Expected.Tolerance);
        Assert.Equal(2 * 28100.0 / 98, pool.Benchmarks[1].Benchmark!.Value, Expected.Tolerance);
        Assert.Equal(2 * 860.0 / 3500, pool.Benchmarks[2].Benchmark!.Value, Expected.Tolerance);
    }

    [Fact]
    public void Rate_AbovePool_ItemsTotalsRanksAndClasses()
    {
        var run = Run();
        var tax = Expected.Column(AbovePool, r => (r.Tax, r.LandMu), Expected.Aggregate(AbovePool.Select(r => ((decimal?)r.Tax, (decimal?)r.LandMu)), 2), 45);
        var revenue = Expected.Column(AbovePool, r => (r.Revenue, r.LandMu), Expected.Aggregate(AbovePool.Select(r => (r.Revenue, (decimal?)r.LandMu)), 2), 35);
        var energy = Expected.Column(AbovePool, r => (r.Tax, r.EnergyTce), Expected.Aggregate(AbovePool.Select(r => ((decimal?)r.Tax, r.EnergyTce)), 2), 20);
        for (var i = 0; i < AbovePool.Length; i++)
        {
            var rating = run.Rated(AbovePool[i]);
            Assert.Equal([tax[i], revenue[i], energy[i]], rating.Items.Select(s => s.Score), new Close());
            Assert.Equal(Expected.Round6(tax[i] + revenue[i] + energy[i]), rating.Total, Expected.Tolerance);
        }

        // H3: tax_per_mu 60 against 29.80 is 2.01 × 45; tax_per_energy 3 against 0.49 is over the cap.
        Assert.Equal(60.0, run.Rated(H3).Items[2].Score);
        Assert.Equal(60.0, run.Rated(H6).Items[2].Score);
        Assert.True(run.Rated(H5).Items[2].Imputed);

        Assert.Equal(168.926047, run.Rated(H3).Total);
        Assert.Equal(151.717953, run.Rated(H5).Total);
        Assert.Equal(81.070331, run.Rated(H1).Total);
        Assert.Equal(73.654573, run.Rated(H6).Total);
        Assert.Equal(35.042283, run.Rated(H2).Total);
        Assert.Equal(16.854861, run.Rated(H4).Total);

        // n = 6: 1 A, ranks 2–3 B, no D.
        Assert.Equal([H3.CreditCode, H5.CreditCode, H1.CreditCode, H6.CreditCode, H2.CreditCode, H4.CreditCode], run.RankedCodes("ABOVE"));
        Assert.Equal(
            [RatingClass.A, RatingClass.B, RatingClass.B, RatingClass.C, RatingClass.C, RatingClass.C],
            run.RankedCodes("ABOVE").Select(c => run.Rated(c).Class));
    }

    [Fact]
    public void Rate_BelowPool_ExcludesUnder3MuAndRatesTheRest()
    {
        var run = Run();
        Assert.Equal([ExclusionReason.BelowScaleSmallLand], run.Outcome(J6.CreditCode).Exclusions);

        // J6's figures stay out of the benchmarks: 2 × 83/30, 2 × 1950/30, 2 × 83/220.
        var pool = run.PoolOf("BELOW");
        Assert.Equal(5, pool.Size);
        Assert.Equal(2 * 83.0 / 30, pool.Benchmarks[0].Benchmark!.Value, Expected.Tolerance);
        Assert.Equal(2 * 1950.0 / 30, pool.Benchmarks[1].Benchmark!.Value, Expected.Tolerance);
        Assert.Equal(2 * 83.0 / 220, pool.Benchmarks[2].Benchmark!.Value, Expected.Tolerance);

        Assert.Equal(74.10797, run.Rated(J4).Total);
        Assert.Equal(59.286376, run.Rated(J2).Total);
        Assert.Equal(40.363763, run.Rated(J5).Total);
        Assert.Equal(37.678406, run.Rated(J1).Total);
        Assert.Equal(16.098239, run.Rated(J3).Total);
        Assert.Equal([J4.CreditCode, J2.CreditCode, J5.CreditCode, J1.CreditCode, J3.CreditCode], run.RankedCodes("BELOW"));
        Assert.Equal(
            [RatingClass.A, RatingClass.B, RatingClass.B, RatingClass.C, RatingClass.C],
            run.RankedCodes("BELOW").Select(c => run.Rated(c).Class));
    }

    private static EnterpriseRecord Make(int serial, Scale scale, decimal land, decimal tax, decimal revenue, decimal? energy) =>
        EnterpriseBuilder.Create(serial).Scale(scale).Land(land).Tax(tax).Revenue(revenue).Energy(energy).Build();
}
