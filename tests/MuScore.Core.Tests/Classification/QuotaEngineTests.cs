using MuScore.Core.Rating;
using MuScore.Core.Tests.Builders;

namespace MuScore.Core.Tests.Classification;

/// <summary>Full engine runs of the quota edge cases: every position gets the class of docs/method.md §6.</summary>
public sealed class QuotaEngineTests
{
    [Theory]
    [InlineData(1, 0, 0, 1, 0)]
    [InlineData(2, 0, 1, 1, 0)]
    [InlineData(19, 3, 8, 8, 0)]
    [InlineData(20, 4, 8, 7, 1)]
    [InlineData(21, 4, 8, 8, 1)]
    [InlineData(100, 20, 40, 35, 5)]
    public void Rate_PoolOfN_ClassCountsFollowTheFormula(int n, int a, int b, int c, int d)
    {
        var run = Engine.Rate(SchemeBuilder.TotalIsTaxPerMu().Build(), Pools.Ladder(n));
        var ratings = run.Rows.Select(r => r.Rating!).ToList();

        Assert.Equal([a, b, c, d], QuotaFormulaTests.CountByClass(ratings.Select(r => r.Class)));
        Assert.Equal([a, b, c, d], run.PoolOf("ALL").ClassCounts);
        Assert.All(ratings, r =>
        {
            Assert.Equal(Expected.QuotaClass(r.Rank, n), r.Class);
            Assert.Equal(r.Rank, r.QuotaRank);
            Assert.Equal(n, r.QuotaPoolSize);
            Assert.Equal(OverrideKind.None, r.Override);
        });
    }

    [Fact]
    public void Rate_LadderOf20_TopFourAreAAndTheLastIsD()
    {
        var ladder = Pools.Ladder(20);
        var run = Engine.Rate(SchemeBuilder.TotalIsTaxPerMu().Build(), ladder);

        // Serial i has total i: 17–20 are A, 9–16 B, 2–8 C, 1 D.
        for (var i = 1; i <= 20; i++)
        {
            var rating = run.Rated(ladder[i - 1]);
            Assert.Equal((double)i, rating.Total);
            Assert.Equal(21 - i, rating.Rank);
            Assert.Equal(i >= 17 ? RatingClass.A : i >= 9 ? RatingClass.B : i >= 2 ? RatingClass.C : RatingClass.D, rating.Class);
        }

        Assert.Equal([17.0, 9.0, 2.0, 1.0], run.PoolOf("ALL").CutOffs);
    }

    [Fact]
    public void Rate_PoolOf200_PercentileIsRankOverSize()
    {
        var run = Engine.Rate(SchemeBuilder.TotalIsTaxPerMu().Build(), Pools.Ladder(200));
        var best = run.Rows.Single(r => r.Rating!.Rank == 1).Rating!;
        var worst = run.Rows.Single(r => r.Rating!.Rank == 200).Rating!;

        Assert.Equal(0.5, best.Percentile);
        Assert.Equal(100.0, worst.Percentile);
        Assert.Equal(200, best.PoolSize);
        Assert.Equal(40, run.Rows.Count(r => r.Rating!.Class == RatingClass.A));
        Assert.Equal(10, run.Rows.Count(r => r.Rating!.Class == RatingClass.D));
    }

    [Fact]
    public void Rate_CustomQuotas_UseTheSchemeShares()
    {
        // 10/30/10 of 30: 3 A, 9 B, 3 D, 15 C.
        var run = Engine.Rate(SchemeBuilder.TotalIsTaxPerMu().Quota(10, 30, 10).Build(), Pools.Ladder(30));
        Assert.Equal([3, 9, 15, 3], run.PoolOf("ALL").ClassCounts);
    }
}
