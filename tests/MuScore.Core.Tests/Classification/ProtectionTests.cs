using MuScore.Core.Rating;
using MuScore.Core.Schemes;
using MuScore.Core.Tests.Builders;

namespace MuScore.Core.Tests.Classification;

/// <summary>
/// Construction-period protection (docs/method.md §10): graded against the quota pool's cut-offs (the
/// lowest rounded total of each class), reaching A is allowed, an empty class cannot be reached, a
/// resulting D becomes C, and an empty quota pool gives C.
/// </summary>
public sealed class ProtectionTests
{
    private static readonly Scheme Scheme = SchemeBuilder.TotalIsTaxPerMu().Build();

    // The quota pool is the ladder 1..20: cut-offs A 17, B 9, C 2, D 1.
    [Theory]
    [InlineData("100", RatingClass.A)]
    [InlineData("17", RatingClass.A)]
    [InlineData("16.999999", RatingClass.B)]
    [InlineData("9", RatingClass.B)]
    [InlineData("8.5", RatingClass.C)]
    [InlineData("2", RatingClass.C)]
    [InlineData("1.5", RatingClass.C)]
    [InlineData("1", RatingClass.C)]
    [InlineData("0.25", RatingClass.C)]
    public void Rate_Protected_GetsTheBestClassWhoseCutOffItReaches(string total, RatingClass expected)
    {
        var protectedOne = Pools.Scoring(99, decimal.Parse(total, System.Globalization.CultureInfo.InvariantCulture)).Construction(5_000m).Build();
        var run = Engine.Rate(Scheme, [.. Pools.Ladder(20), protectedOne]);

        var rating = run.Rated(protectedOne);
        Assert.Equal(OverrideKind.ConstructionProtection, rating.Override);
        Assert.Equal(expected, rating.Class);
        Assert.Null(rating.QuotaRank);
        Assert.Equal(20, rating.QuotaPoolSize);
        Assert.Equal([17.0, 9.0, 2.0, 1.0], run.PoolOf("ALL").CutOffs);
    }

    [Fact]
    public void Rate_EmptyQuotaPool_ProtectedGetC()
    {
        var members = new[]
        {
            Pools.Scoring(1, 90).Construction(3_000m).Build(),
            Pools.Scoring(2, 50).Construction(9_000m).Build(),
            Pools.Scoring(3, 10).Construction(4_000m).Build(),
        };
        var run = Engine.Rate(Scheme, members);

        Assert.All(members, r => Assert.Equal(RatingClass.C, run.Rated(r).Class));
        Assert.All(members, r => Assert.Equal(0, run.Rated(r).QuotaPoolSize));
        Assert.Equal([null, null, null, null], run.PoolOf("ALL").CutOffs);
    }

    [Fact]
    public void Rate_EmptyQuotaPoolWithVetoAndInvestment_ProtectedStillC()
    {
        var protectedOne = Pools.Scoring(1, 80).Construction(3_000m).Build();
        var run = Engine.Rate(Scheme, protectedOne, Pools.Scoring(2, 90).MajorIncident().Build(), Pools.Scoring(3, 5).Construction(10_000m).Build());
        Assert.Equal(RatingClass.C, run.Rated(protectedOne).Class);
    }

    [Fact]
    public void Rate_AClassEmpty_ProtectedCannotReachA()
    {
        // A quota pool of 2 has no A place (⌊0.4⌋ = 0): 20 is B, 10 is C.
        var protectedOne = Pools.Scoring(3, 100).Construction(3_000m).Build();
        var run = Engine.Rate(Scheme, Pools.Scoring(1, 20).Build(), Pools.Scoring(2, 10).Build(), protectedOne);

        Assert.Equal(RatingClass.B, run.Rated(protectedOne).Class);
        Assert.Equal(1, run.Rated(protectedOne).Rank);
        Assert.Equal([null, 20.0, 10.0, null], run.PoolOf("ALL").CutOffs);
    }

    [Fact]
    public void Rate_DClassEmpty_LowProtectedIsC()
    {
        // A quota pool of 5 has no D place; a protected total under every cut-off is C.
        var protectedOne = Pools.Scoring(9, 0.1m).Construction(3_000m).Build();
        var run = Engine.Rate(Scheme, [.. Pools.Ladder(5), protectedOne]);
        Assert.Equal(RatingClass.C, run.Rated(protectedOne).Class);
    }

    [Fact]
    public void Rate_ProtectedWithBonus_GradedOnTheRoundedTotal()
    {
        // 16.9999996 rounds to 17.000000, which reaches A's cut-off.
        var protectedOne = Pools.Scoring(99, 16.9999996m).Construction(3_000m).Build();
        var rating = Engine.Rate(Scheme, [.. Pools.Ladder(20), protectedOne]).Rated(protectedOne);
        Assert.Equal(17.0, rating.Total);
        Assert.Equal(RatingClass.A, rating.Class);
    }
}
