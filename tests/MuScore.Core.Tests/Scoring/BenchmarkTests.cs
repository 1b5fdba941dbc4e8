using MuScore.Core.Indicators;
using MuScore.Core.Rating;
using MuScore.Core.Tests.Builders;

namespace MuScore.Core.Tests.Scoring;

/// <summary>
/// Benchmarks (docs/method.md §5, §10): Σnumerator / Σdenominator over every RATED member reporting
/// both values, vetoed, construction-period and loss-making ones included; a benchmark of 0 gives a
/// positive value the cap; a negative benchmark scores every item 0; a negative value scores 0.
/// </summary>
public sealed class BenchmarkTests
{
    private static SchemeBuilder VaPerMu(double weight = 10) =>
        new SchemeBuilder().Pool("ALL").Item(Indicator.VaPerMu, weight, SchemeBuilder.Aggregate());

    [Fact]
    public void Rate_AggregateBenchmark_CountsVetoedConstructionAndLossMakingMembers()
    {
        var members = new[]
        {
            EnterpriseBuilder.Create(1).Land(10).ValueAdded(1000).Build(),
            EnterpriseBuilder.Create(2).Land(5).ValueAdded(2000).MajorIncident().Build(),
            EnterpriseBuilder.Create(3).Land(20).ValueAdded(4000).Construction(20_000m).Build(),
            EnterpriseBuilder.Create(4).Land(15).ValueAdded(-500).Build(),
            EnterpriseBuilder.Create(5).Land(50).ValueAdded(null).Build(),
        };
        var run = Engine.Rate(VaPerMu().Build(), members);

        // (1000 + 2000 + 4000 − 500) / (10 + 5 + 20 + 15); member 5 reports no value added.
        var benchmark = 6500.0 / 50;
        Assert.Equal(benchmark, run.PoolOf("ALL").Benchmarks[0].Benchmark!.Value, Expected.Tolerance);
        Assert.Equal(10 * (100.0 / benchmark), run.Rated(members[0]).Items[0].Score, Expected.Tolerance);
        Assert.Equal(30.0, run.Rated(members[1]).Items[0].Score);
        Assert.Equal(0.0, run.Rated(members[3]).Items[0].Score);
    }

    [Fact]
    public void Rate_AggregateBenchmark_IgnoresExcludedRowsAndOtherRegions()
    {
        var members = new[]
        {
            EnterpriseBuilder.Create(1).Land(10).ValueAdded(1000).Build(),
            EnterpriseBuilder.Create(2).Land(10).ValueAdded(3000).Build(),
            EnterpriseBuilder.Create(3).Land(1).ValueAdded(99000).Industry("4610").Build(),
            EnterpriseBuilder.Create(4).Land(1).ValueAdded(99000).ProductionStart(new DateOnly(2025, 6, 1)).Build(),
            EnterpriseBuilder.Create(5).Land(1).ValueAdded(99000).Region("330603").Build(),
        };
        var run = Engine.Rate(VaPerMu().Build(), members);

        Assert.Equal(200.0, run.PoolOf("ALL").Benchmarks[0].Benchmark);
        Assert.Equal(99000.0, run.PoolOf("ALL", "330603").Benchmarks[0].Benchmark);
        Assert.Equal(2, run.PoolOf("ALL").Size);
    }

    [Fact]
    public void Rate_BenchmarkZero_PositiveValueGetsTheCapNegativeGetsZero()
    {
        var gain = EnterpriseBuilder.Create(1).Land(1).ValueAdded(100).Build();
        var loss = EnterpriseBuilder.Create(2).Land(1).ValueAdded(-100).Build();
        var nothing = EnterpriseBuilder.Create(3).Land(1).ValueAdded(0).Build();
        var run = Engine.Rate(VaPerMu().Build(), gain, loss, nothing);

        Assert.Equal(0.0, run.PoolOf("ALL").Benchmarks[0].Benchmark);
        Assert.Equal(30.0, run.Rated(gain).Items[0].Score);
        Assert.Equal(0.0, run.Rated(loss).Items[0].Score);
        Assert.Equal(0.0, run.Rated(nothing).Items[0].Score);
    }

    [Fact]
    public void Rate_NegativeBenchmark_EveryItemScoresZero()
    {
        var gain = EnterpriseBuilder.Create(1).Land(1).ValueAdded(100).Build();
        var loss = EnterpriseBuilder.Create(2).Land(1).ValueAdded(-300).Build();
        var another = EnterpriseBuilder.Create(3).Land(1).ValueAdded(100).Build();
        var scheme = VaPerMu().Build();
        var run = Engine.Rate(scheme, gain, loss, another);

        Assert.Equal(-100.0 / 3, run.PoolOf("ALL").Benchmarks[0].Benchmark!.Value, Expected.Tolerance);
        Assert.All(run.Rows, r => Assert.Equal(0.0, r.Rating!.Items[0].Score));
    }

    [Fact]
    public void Rate_NegativeFixedBenchmark_EveryItemScoresZero()
    {
        var scheme = new SchemeBuilder().Pool("ALL").Item(Indicator.TaxPerMu, 10, SchemeBuilder.Fixed(-5)).Build();
        var member = EnterpriseBuilder.Create(1).Build();
        Assert.Equal(0.0, Engine.Rate(scheme, member).Rated(member).Items[0].Score);
    }

    [Fact]
    public void Rate_NegativeValueAgainstPositiveBenchmark_ScoresZero()
    {
        var scheme = new SchemeBuilder().Pool("ALL").Item(Indicator.VaPerMu, 10, SchemeBuilder.Fixed(50)).Build();
        var loss = EnterpriseBuilder.Create(1).ValueAdded(-1).Build();
        var item = Engine.Rate(scheme, loss).Rated(loss).Items[0];

        Assert.Equal(0.0, item.Score);
        Assert.Equal(-0.1, item.Value!.Value, Expected.Tolerance);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(2.0)]
    [InlineData(0.5)]
    public void Rate_AggregateFactor_MultipliesThePoolRatio(double factor)
    {
        var scheme = new SchemeBuilder().Pool("ALL").Item(Indicator.TaxPerMu, 10, SchemeBuilder.Aggregate(factor)).Cap(100).Build();
        var a = EnterpriseBuilder.Create(1).Land(10).Tax(50).Build();
        var b = EnterpriseBuilder.Create(2).Land(30).Tax(350).Build();
        var run = Engine.Rate(scheme, a, b);

        // 400 / 40 = 10 times the factor; a's tax_per_mu is 5.
        Assert.Equal(10.0 * factor, run.PoolOf("ALL").Benchmarks[0].Benchmark!.Value, Expected.Tolerance);
        Assert.Equal(10 * 5 / (10.0 * factor), run.Rated(a).Items[0].Score, Expected.Tolerance);
    }

    [Theory]
    [InlineData(3.0, 60, 30.0)]
    [InlineData(3.0, 25, 25.0)]
    [InlineData(2.0, 60, 20.0)]
    [InlineData(5.0, 60, 50.0)]
    public void Rate_Cap_LimitsTheRatio(double cap, int tax, double expected)
    {
        // Benchmark 1 tax per mu on 10 mu: tax 60 is ratio 6.
        var scheme = new SchemeBuilder().Pool("ALL").Item(Indicator.TaxPerMu, 10, SchemeBuilder.Fixed(1)).Cap(cap).Build();
        var member = EnterpriseBuilder.Create(1).Land(10).Tax(tax).Build();
        var item = Engine.Rate(scheme, member).Rated(member).Items[0];

        Assert.Equal(expected, item.Score, Expected.Tolerance);
        Assert.Equal(1.0, item.Benchmark);
        Assert.Equal(10.0, item.Weight);
    }

    [Fact]
    public void Rate_FixedBenchmarks_ReportedInPoolsInSchemeOrder()
    {
        var scheme = new SchemeBuilder().Pool("ALL")
            .Item(Indicator.RevenuePerMu, 10, SchemeBuilder.Fixed(300))
            .Item(Indicator.TaxPerMu, 40, SchemeBuilder.Fixed(15))
            .Build();
        var pool = Engine.Rate(scheme, EnterpriseBuilder.Create(1).Build()).PoolOf("ALL");

        Assert.Equal([(Indicator.RevenuePerMu, (double?)300.0), (Indicator.TaxPerMu, 15.0)], pool.Benchmarks);
    }
}
