using MuScore.Core.Indicators;
using MuScore.Core.Rating;
using MuScore.Core.Records;
using MuScore.Core.Schemes;
using MuScore.Core.Tests.Builders;

namespace MuScore.Core.Tests.Rating;

/// <summary>
/// Scope (docs/method.md §3, §10): utilities, enterprises in production since after 1 January of the
/// year, and BELOW-scale enterprises under 3 mu are EXCLUDED with every reason that applies;
/// excluded rows are never scored, vetoed or overridden.
/// </summary>
public sealed class ScopeTests
{
    private static readonly Scheme Zj = SchemePresets.Get("zj-standard");

    [Theory]
    [InlineData("D4411")]
    [InlineData("4520")]
    [InlineData("D46")]
    [InlineData("4690")]
    public void Rate_UtilityDivision_ExcludedAsUtility(string industry)
    {
        var utility = EnterpriseBuilder.Create(1).Industry(industry).Build();
        var outcome = Engine.Rate(Zj, utility, EnterpriseBuilder.Create(2).Build()).Outcome(utility.CreditCode);

        Assert.Equal(RowStatus.Excluded, outcome.Status);
        Assert.Equal([ExclusionReason.Utility], outcome.Exclusions);
        Assert.Null(outcome.Rating);
        Assert.Equal(utility, outcome.Record);
    }

    [Theory]
    [InlineData("C4300")]
    [InlineData("4710")]
    [InlineData("C3670")]
    public void Rate_NeighbouringDivision_Rated(string industry)
    {
        var maker = EnterpriseBuilder.Create(1).Industry(industry).Build();
        Assert.Equal(RowStatus.Rated, Engine.Rate(Zj, maker).Outcome(maker.CreditCode).Status);
    }

    [Theory]
    [InlineData(2025, 1, 2, true)]
    [InlineData(2025, 12, 31, true)]
    [InlineData(2025, 1, 1, false)]
    [InlineData(2024, 12, 31, false)]
    [InlineData(2010, 5, 5, false)]
    public void Rate_ProductionStart_ExcludedOnlyWhenAfterFirstJanuary(int year, int month, int day, bool excluded)
    {
        var firm = EnterpriseBuilder.Create(1).ProductionStart(new DateOnly(year, month, day)).Build();
        var outcome = Engine.Rate(Zj, firm).Outcome(firm.CreditCode);

        Assert.Equal(excluded ? RowStatus.Excluded : RowStatus.Rated, outcome.Status);
        ExclusionReason[] reasons = excluded ? [ExclusionReason.NewInProduction] : [];
        Assert.Equal(reasons, outcome.Exclusions);
    }

    [Fact]
    public void Rate_BlankProductionStart_IsEstablished()
    {
        var firm = EnterpriseBuilder.Create(1).ProductionStart(null).Build();
        Assert.Equal(RowStatus.Rated, Engine.Rate(Zj, firm).Outcome(firm.CreditCode).Status);
    }

    [Theory]
    [InlineData("2.999", 0, 0, true)]
    [InlineData("3", 0, 0, false)]
    [InlineData("2.25", 0.97, 0.22, false)]
    [InlineData("3", 0.5, 0.5000001, true)]
    [InlineData("0.5", 0, 0, true)]
    public void Rate_BelowScaleLand_ExcludedUnder3MuByExactArithmetic(string own, double leasedIn, double leasedOut, bool excluded)
    {
        var firm = EnterpriseBuilder.Create(1).Below()
            .Land(decimal.Parse(own, System.Globalization.CultureInfo.InvariantCulture), (decimal)leasedIn, (decimal)leasedOut).Build();
        var outcome = Engine.Rate(Zj, firm).Outcome(firm.CreditCode);

        Assert.Equal(excluded ? RowStatus.Excluded : RowStatus.Rated, outcome.Status);
        ExclusionReason[] reasons = excluded ? [ExclusionReason.BelowScaleSmallLand] : [];
        Assert.Equal(reasons, outcome.Exclusions);
    }

    [Fact]
    public void Rate_AboveScaleUnder3Mu_Rated()
    {
        var firm = EnterpriseBuilder.Create(1).Land(0.5m).Build();
        Assert.Equal("ABOVE", Engine.Rate(Zj, firm).Rated(firm).Pool);
    }

    [Fact]
    public void Rate_SeveralReasons_AllListedInRuleOrder()
    {
        var firm = EnterpriseBuilder.Create(1).Below().Land(1).Industry("D4411").ProductionStart(new DateOnly(2025, 3, 1)).Build();
        var outcome = Engine.Rate(Zj, firm).Outcome(firm.CreditCode);

        Assert.Equal(
            [ExclusionReason.Utility, ExclusionReason.NewInProduction, ExclusionReason.BelowScaleSmallLand],
            outcome.Exclusions);
        Assert.Equal(["utility", "in_production_under_min_years", "below_scale_small_land"], outcome.Exclusions.Select(r => r.Code()));
    }

    [Fact]
    public void Rate_ExcludedRowWithVetoAndInvestment_NeverScoredNorOverridden()
    {
        var excluded = EnterpriseBuilder.Create(1).Industry("4411").MajorIncident().Construction(50_000m).Build();
        var rated = EnterpriseBuilder.Create(2).Build();
        var run = Engine.Rate(Zj, excluded, rated);

        var outcome = run.Outcome(excluded.CreditCode);
        Assert.Equal(RowStatus.Excluded, outcome.Status);
        Assert.Null(outcome.Rating);
        Assert.Empty(outcome.Problems);
        Assert.Equal(1, run.PoolOf("ABOVE").Size);
        Assert.Equal(1, run.Rated(rated).PoolSize);
    }

    [Fact]
    public void Rate_RegionFilter_OtherRegionsExcluded()
    {
        var here = EnterpriseBuilder.Create(1).Build();
        var there = EnterpriseBuilder.Create(2).Region("330603").Build();
        var run = Engine.Rate(Zj, [here, there], region: EnterpriseBuilder.DefaultRegion);

        Assert.Equal(RowStatus.Rated, run.Outcome(here.CreditCode).Status);
        Assert.Equal(RowStatus.Excluded, run.Outcome(there.CreditCode).Status);
        Assert.Contains(ExclusionReason.OtherRegion, run.Outcome(there.CreditCode).Exclusions);
        Assert.Equal("other_region", ExclusionReason.OtherRegion.Code());
        Assert.Equal(EnterpriseBuilder.DefaultRegion, run.Region);
        Assert.Single(run.Pools);
    }

    [Fact]
    public void Rate_NoRegionFilter_EachRegionRatedOnItsOwn()
    {
        var linhai = Pools.Ladder(5);
        var huangyan = Enumerable.Range(1, 5).Select(i => Pools.Scoring(i, 100 * i).Region("331003").Build()).ToArray();
        var run = Engine.Rate(SchemeBuilder.TotalIsTaxPerMu().Build(), [.. linhai, .. huangyan]);

        Assert.Equal(["331003", "331082"], run.Pools.Select(p => p.Region));
        Assert.All(run.Pools, p => Assert.Equal(5, p.Size));
        Assert.Equal(1, run.Rated(linhai[4]).Rank);
        Assert.Equal(1, run.Rated(huangyan[4]).Rank);
        Assert.Equal(RatingClass.A, run.Rated(linhai[4]).Class);
    }

    [Fact]
    public void Rate_MatchesNoPool_ExcludedAsNoPool()
    {
        var scheme = new SchemeBuilder().Exclusions([44, 45, 46], 1, null)
            .Pool("ABOVE", Scale.Above).Item(Indicator.TaxPerMu, 100, SchemeBuilder.Fixed(10)).Build();
        var below = EnterpriseBuilder.Create(1).Below().Land(5).Build();
        var outcome = Engine.Rate(scheme, below).Outcome(below.CreditCode);

        Assert.Equal([ExclusionReason.NoPool], outcome.Exclusions);
        Assert.Equal("no_pool", outcome.Exclusions[0].Code());
    }
}
