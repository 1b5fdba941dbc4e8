using MuScore.Core.Rating;
using MuScore.Core.Records;
using MuScore.Core.Schemes;
using MuScore.Core.Tests.Builders;

namespace MuScore.Core.Tests.Classification;

/// <summary>
/// Overrides of docs/method.md §6 and §10: veto → D, in_construction with investment ≥ 10,000 → A,
/// first match wins, and overridden enterprises leave the quota pool but keep their rank.
/// </summary>
public sealed class OverrideTests
{
    private static readonly Scheme Scheme = SchemeBuilder.TotalIsTaxPerMu().Build();

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void Rate_Veto_GivesDAndLeavesTheQuotaPool(bool majorIncident, bool failsStandards)
    {
        // The best of 21 is vetoed; the other 20 share the quotas (4 A, 8 B, 7 C, 1 D).
        var builder = Pools.Scoring(21, 21);
        builder = majorIncident ? builder.MajorIncident() : builder;
        builder = failsStandards ? builder.FailsStandards() : builder;
        var vetoed = builder.Build();
        var others = Pools.Ladder(20);
        var run = Engine.Rate(Scheme, [.. others, vetoed]);

        var rating = run.Rated(vetoed);
        Assert.Equal(RatingClass.D, rating.Class);
        Assert.Equal(OverrideKind.Veto, rating.Override);
        Assert.Equal(1, rating.Rank);
        Assert.Equal(21, rating.PoolSize);
        Assert.Null(rating.QuotaRank);
        Assert.Null(rating.GapToNextClass);
        Assert.Equal(20, rating.QuotaPoolSize);
        Assert.Equal(1, rating.ConsecutiveDYears);

        for (var i = 1; i <= 20; i++)
        {
            var other = run.Rated(others[i - 1]);
            Assert.Equal(22 - i, other.Rank);
            Assert.Equal(21 - i, other.QuotaRank);
            Assert.Equal(Expected.QuotaClass(21 - i, 20), other.Class);
        }

        Assert.Equal([4, 8, 7, 2], run.PoolOf("ALL").ClassCounts);
        Assert.Equal(20, run.PoolOf("ALL").QuotaPoolSize);
    }

    [Fact]
    public void Rate_VetoSwitchedOffInScheme_NoOverride()
    {
        var scheme = SchemeBuilder.TotalIsTaxPerMu().Overrides(false, 10_000m, 3_000m).Build();
        var vetoed = Pools.Scoring(1, 50).MajorIncident().Build();
        var rating = Engine.Rate(scheme, [vetoed, .. Pools.Ladder(4, firstSerial: 2)]).Rated(vetoed);
        Assert.Equal(OverrideKind.None, rating.Override);
        Assert.Equal(RatingClass.A, rating.Class);
        Assert.Equal(1, rating.QuotaRank);
    }

    [Theory]
    [InlineData("10000")]
    [InlineData("10000.00")]
    [InlineData("250000")]
    public void Rate_ConstructionInvestmentFrom1Yi_GivesAOutsideTheQuota(string investment)
    {
        var builder = Pools.Scoring(21, 0.5m).Construction(decimal.Parse(investment, System.Globalization.CultureInfo.InvariantCulture));
        var investor = builder.Build();
        var others = Pools.Ladder(20);
        var run = Engine.Rate(Scheme, [investor, .. others]);

        var rating = run.Rated(investor);
        Assert.Equal(RatingClass.A, rating.Class);
        Assert.Equal(OverrideKind.InvestmentA, rating.Override);
        Assert.Equal(21, rating.Rank);
        Assert.Null(rating.QuotaRank);
        Assert.Null(rating.GapToNextClass);

        // The 20 others keep the full quota of a pool of 20: 4 A places are not reduced by the override.
        Assert.Equal(4, others.Count(r => run.Rated(r).Class == RatingClass.A));
        Assert.Equal(RatingClass.D, run.Rated(others[0]).Class);
    }

    [Fact]
    public void Rate_InvestmentJustUnder1Yi_IsProtectionNotA()
    {
        var investor = Pools.Scoring(21, 0.5m).Construction(9999.99m).Build();
        var run = Engine.Rate(Scheme, [investor, .. Pools.Ladder(20)]);

        var rating = run.Rated(investor);
        Assert.Equal(OverrideKind.ConstructionProtection, rating.Override);

        // Its total 0.5 reaches no cut-off: a would-be D, lifted to C.
        Assert.Equal(RatingClass.C, rating.Class);
    }

    [Theory]
    [InlineData(2999.99)]
    [InlineData(0)]
    public void Rate_InvestmentUnder3000_NoOverride(double investment)
    {
        var builder = Pools.Scoring(21, 0.5m).Construction((decimal)investment);
        var rating = Engine.Rate(Scheme, [builder.Build(), .. Pools.Ladder(20)]).Rated(builder.Build());
        Assert.Equal(OverrideKind.None, rating.Override);
        Assert.Equal(21, rating.QuotaRank);
        Assert.Equal(RatingClass.D, rating.Class);
    }

    [Fact]
    public void Rate_LargeInvestmentOutsideConstruction_NoOverride()
    {
        var idle = Pools.Scoring(21, 0.5m).Investment(50_000m).Build();
        var run = Engine.Rate(Scheme, [idle, .. Pools.Ladder(20)]);

        var rating = run.Rated(idle);
        Assert.Equal(OverrideKind.None, rating.Override);
        Assert.Equal(RatingClass.D, rating.Class);
        Assert.Equal(21, rating.QuotaPoolSize);
    }

    [Fact]
    public void Rate_ConstructionWithoutReportedInvestment_NoOverride()
    {
        var record = Pools.Scoring(21, 0.5m).Build() with { InConstruction = true, FixedAssetInvestment = null };
        var rating = Engine.Rate(Scheme, [record, .. Pools.Ladder(20)]).Rated(record);
        Assert.Equal(OverrideKind.None, rating.Override);
    }

    [Fact]
    public void Rate_VetoAndInvestmentBothApply_VetoWins()
    {
        var both = Pools.Scoring(21, 30).Construction(20_000m).FailsStandards().Build();
        var run = Engine.Rate(Scheme, [both, .. Pools.Ladder(20)]);

        Assert.Equal(OverrideKind.Veto, run.Rated(both).Override);
        Assert.Equal(RatingClass.D, run.Rated(both).Class);
    }

    [Fact]
    public void Rate_SeveralOverrides_QuotaPoolShrinksByEach()
    {
        // 24 rated, 4 overridden (veto, veto, investment A, protection): the quota pool is 20.
        var overridden = new[]
        {
            Pools.Scoring(101, 7.5m).MajorIncident().Build(),
            Pools.Scoring(102, 12.5m).FailsStandards().Build(),
            Pools.Scoring(103, 3.5m).Construction(10_000m).Build(),
            Pools.Scoring(104, 15.5m).Construction(3_000m).Build(),
        };
        var ladder = Pools.Ladder(20);
        var run = Engine.Rate(Scheme, [.. ladder, .. overridden]);

        Assert.All(run.Rows, r => Assert.Equal(20, r.Rating!.QuotaPoolSize));
        Assert.All(overridden, r => Assert.Null(run.Rated(r).QuotaRank));
        Assert.Equal(Enumerable.Range(1, 20), ladder.Select(r => run.Rated(r).QuotaRank!.Value).Order());
        Assert.Equal(Enumerable.Range(1, 24), run.Rows.Select(r => r.Rating!.Rank).Order());

        // Ranks count everyone: 15.5 sits between 16 and 15, so it is 6th of 24.
        Assert.Equal(6, run.Rated(overridden[3]).Rank);
        Assert.Equal(RatingClass.B, run.Rated(overridden[3]).Class);
        Assert.Equal(RatingClass.D, run.Rated(ladder[0]).Class);
    }
}
