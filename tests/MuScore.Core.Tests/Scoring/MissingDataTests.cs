using MuScore.Core.Indicators;
using MuScore.Core.Rating;
using MuScore.Core.Records;
using MuScore.Core.Tests.Builders;

namespace MuScore.Core.Tests.Scoring;

/// <summary>
/// Missing items (docs/method.md §5, §10): the item scores the mean of the final (clamped) item scores
/// of the pool's RATED members that have it, 0 when none has it, and is listed as imputed.
/// </summary>
public sealed class MissingDataTests
{
    [Fact]
    public void Rate_BlankEnergy_ScoresMeanOfOthersClampedScores()
    {
        // Benchmark 1, weight 10, cap 3: ratios 1, 5 (capped at 3) and 2 give 10, 30 and 20.
        var scheme = new SchemeBuilder().Pool("ALL").Item(Indicator.VaPerEnergy, 10, SchemeBuilder.Fixed(1)).Build();
        var members = new[]
        {
            EnterpriseBuilder.Create(1).ValueAdded(100).Energy(100).Build(),
            EnterpriseBuilder.Create(2).ValueAdded(500).Energy(100).Build(),
            EnterpriseBuilder.Create(3).ValueAdded(200).Energy(100).Build(),
            EnterpriseBuilder.Create(4).ValueAdded(900).Energy(null).Build(),
        };
        var run = Engine.Rate(scheme, members);

        var item = run.Rated(members[3]).Items[0];
        Assert.Equal(Expected.Mean(10, 30, 20), item.Score, Expected.Tolerance);
        Assert.Equal(ItemBasis.Imputed, item.Basis);
        Assert.True(item.Imputed);
        Assert.Null(item.Value);
        Assert.All(members.Take(3), r => Assert.False(run.Rated(r).Items[0].Imputed));
        Assert.Equal(30.0, run.Rated(members[1]).Items[0].Score);
    }

    [Fact]
    public void Rate_ImputedMean_CountsOnlyRatedMembersOfTheSamePool()
    {
        var scheme = new SchemeBuilder()
            .Pool("ABOVE", Scale.Above).Item(Indicator.VaPerEnergy, 10, SchemeBuilder.Fixed(1))
            .Pool("BELOW", Scale.Below).Item(Indicator.VaPerEnergy, 10, SchemeBuilder.Fixed(1))
            .Build();
        var blank = EnterpriseBuilder.Create(1).ValueAdded(100).Energy(null).Build();
        var run = Engine.Rate(
            scheme,
            blank,
            EnterpriseBuilder.Create(2).ValueAdded(100).Energy(100).Build(),
            EnterpriseBuilder.Create(3).ValueAdded(150).Energy(100).Build(),

            // A utility (excluded), a BELOW member (other pool) and a member of another region
            // all score 30; none of them may move ABOVE's mean.
            EnterpriseBuilder.Create(4).Industry("D4420").ValueAdded(900).Energy(100).Build(),
            EnterpriseBuilder.Create(5).Below().ValueAdded(900).Energy(100).Build(),
            EnterpriseBuilder.Create(6).Region("330603").ValueAdded(900).Energy(100).Build());

        Assert.Equal(Expected.Mean(10, 15), run.Rated(blank).Items[0].Score, Expected.Tolerance);
    }

    [Fact]
    public void Rate_NobodyHasTheItem_ItScoresZeroForAll()
    {
        var scheme = new SchemeBuilder().Pool("ALL")
            .Item(Indicator.TaxPerMu, 10, SchemeBuilder.Aggregate())
            .Item(Indicator.VaPerEnergy, 20, SchemeBuilder.Aggregate())
            .Build();
        var members = new[]
        {
            EnterpriseBuilder.Create(1).Energy(null).Build(),
            EnterpriseBuilder.Create(2).Energy(null).Tax(300).Build(),
        };
        var run = Engine.Rate(scheme, members);

        Assert.All(members, r => Assert.Equal(0.0, run.Rated(r).Items[1].Score));
        Assert.All(members, r => Assert.True(run.Rated(r).Items[1].Imputed));
        Assert.Null(run.PoolOf("ALL").Benchmarks[1].Benchmark);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Rate_AnyOnePollutantBlank_VaPerEmissionIsMissing(int blankIndex)
    {
        decimal?[] pollutants = [0.25m, 0.25m, 0.25m, 0.25m];
        pollutants[blankIndex] = null;
        var scheme = new SchemeBuilder().Pool("ALL").Item(Indicator.VaPerEmission, 10, SchemeBuilder.Fixed(100)).Build();
        var target = EnterpriseBuilder.Create(1).ValueAdded(5000).Pollutants(pollutants[0], pollutants[1], pollutants[2], pollutants[3]).Build();

        // The others emit 1 t: value added 100 → ratio 1 → 10; 200 → ratio 2 → 20.
        var run = Engine.Rate(
            scheme,
            target,
            EnterpriseBuilder.Create(2).ValueAdded(100).Pollutants(0.25m, 0.25m, 0.25m, 0.25m).Build(),
            EnterpriseBuilder.Create(3).ValueAdded(200).Pollutants(0.5m, 0m, 0.5m, 0m).Build());

        Assert.True(run.Rated(target).Items[0].Imputed);
        Assert.Equal(15.0, run.Rated(target).Items[0].Score, Expected.Tolerance);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    public void Rate_EmployeesBlankOrZero_LabourProductivityImputed(int? employees)
    {
        var scheme = new SchemeBuilder().Pool("ALL").Item(Indicator.LabourProductivity, 10, SchemeBuilder.Fixed(10)).Build();
        var target = EnterpriseBuilder.Create(1).ValueAdded(1000).Employees(employees).Build();
        var run = Engine.Rate(
            scheme,
            target,
            EnterpriseBuilder.Create(2).ValueAdded(100).Employees(10).Build(),
            EnterpriseBuilder.Create(3).ValueAdded(50).Employees(10).Build());

        // Others: 10/10 → 10 points, 5/10 → 5 points; zero employees is not a capped score.
        var item = run.Rated(target).Items[0];
        Assert.True(item.Imputed);
        Assert.Equal(7.5, item.Score, Expected.Tolerance);
    }

    [Theory]
    [InlineData(null, 100)]
    [InlineData(20, 0)]
    [InlineData(20, null)]
    public void Rate_RdOrRevenueMissingOrRevenueZero_RdIntensityImputed(int? rd, int? revenue)
    {
        var scheme = new SchemeBuilder().Pool("ALL").Item(Indicator.RdIntensity, 10, SchemeBuilder.Fixed(0.02)).Build();
        var target = EnterpriseBuilder.Create(1).Rd(rd).Revenue(revenue).Build();
        var run = Engine.Rate(
            scheme,
            target,
            EnterpriseBuilder.Create(2).Rd(2).Revenue(100).Build(),
            EnterpriseBuilder.Create(3).Rd(1).Revenue(100).Build());

        // Others: 0.02/0.02 → 10, 0.01/0.02 → 5.
        Assert.True(run.Rated(target).Items[0].Imputed);
        Assert.Equal(7.5, run.Rated(target).Items[0].Score, Expected.Tolerance);
    }

    [Fact]
    public void Rate_RevenueZero_RevenuePerMuIsScoredZeroNotImputed()
    {
        var scheme = new SchemeBuilder().Pool("ALL").Item(Indicator.RevenuePerMu, 10, SchemeBuilder.Fixed(100)).Build();
        var target = EnterpriseBuilder.Create(1).Revenue(0).Build();
        var run = Engine.Rate(scheme, target, EnterpriseBuilder.Create(2).Revenue(1000).Build());

        Assert.Equal(ItemBasis.Scored, run.Rated(target).Items[0].Basis);
        Assert.Equal(0.0, run.Rated(target).Items[0].Score);
    }

    [Fact]
    public void Rate_BlankValueAdded_EveryValueAddedItemImputed()
    {
        var scheme = new SchemeBuilder().Pool("ALL")
            .Item(Indicator.TaxPerMu, 10, SchemeBuilder.Fixed(10))
            .Item(Indicator.VaPerMu, 10, SchemeBuilder.Fixed(50))
            .Item(Indicator.VaPerWater, 10, SchemeBuilder.Fixed(0.025))
            .Build();
        var target = EnterpriseBuilder.Create(1).ValueAdded(null).Build();
        var run = Engine.Rate(scheme, target, EnterpriseBuilder.Create(2).Build());

        Assert.Equal([false, true, true], run.Rated(target).Items.Select(i => i.Imputed));

        // The other member: 500 / 10 mu = 50 → 10 points; 500 / 20000 t = 0.025 → 10 points.
        Assert.Equal([10.0, 10.0, 10.0], run.Rated(target).Items.Select(i => i.Score), new Close());
    }
}
