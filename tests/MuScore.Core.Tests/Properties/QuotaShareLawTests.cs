using MuScore.Core.Rating;
using MuScore.Core.Schemes;
using MuScore.Core.Tests.Builders;

namespace MuScore.Core.Tests.Properties;

/// <summary>Class shares and ranks over random pools: the quota formula holds for every quota pool size.</summary>
public sealed class QuotaShareLawTests
{
    [Fact]
    public void Rate_QuotaPools_ClassCountsFollowTheFormulaForEveryN()
    {
        var sizes = new HashSet<int>();
        for (var seed = 0; seed < RandomPools.Seeds; seed++)
        {
            var scheme = RandomPools.SchemeFor(seed);
            if (scheme.Classification.Mode != ClassificationMode.Quota)
            {
                continue;
            }

            var run = Engine.Rate(scheme, RandomPools.Generate(seed));
            foreach (var pool in run.Rows.Where(r => r.Status == RowStatus.Rated).GroupBy(r => (r.Region, r.Rating!.Pool)))
            {
                var quotaMembers = pool.Select(r => r.Rating!).Where(r => r.Override == OverrideKind.None).ToList();
                var n = quotaMembers.Count;
                Assert.All(pool, r => Assert.Equal(n, r.Rating!.QuotaPoolSize));
                var (a, b, c, d) = Expected.QuotaCounts(n);
                Assert.Equal([a, b, c, d], Count(quotaMembers.Select(r => r.Class)));
                Assert.Equal(Enumerable.Range(1, n), quotaMembers.Select(r => r.QuotaRank!.Value).Order());
                Assert.All(quotaMembers, r => Assert.Equal(Expected.QuotaClass(r.QuotaRank!.Value, n), r.Class));
                sizes.Add(n);
            }
        }

        Assert.True(sizes.Count > 30, $"only {sizes.Count} distinct quota pool sizes were seen");
    }

    [Fact]
    public void Rate_EveryPool_RanksArePositionsOneToSizeInTotalOrder()
    {
        for (var seed = 0; seed < RandomPools.Seeds; seed++)
        {
            var run = Engine.Rate(RandomPools.SchemeFor(seed), RandomPools.Generate(seed));
            foreach (var pool in run.Rows.Where(r => r.Status == RowStatus.Rated).GroupBy(r => (r.Region, r.Rating!.Pool)))
            {
                var ranked = pool.Select(r => r.Rating!).OrderBy(r => r.Rank).ToList();
                Assert.Equal(Enumerable.Range(1, ranked.Count), ranked.Select(r => r.Rank));
                Assert.All(ranked, r => Assert.Equal(ranked.Count, r.PoolSize));
                Assert.All(ranked, r => Assert.Equal(100.0 * r.Rank / r.PoolSize, r.Percentile));
                for (var i = 1; i < ranked.Count; i++)
                {
                    Assert.True(ranked[i - 1].Total >= ranked[i].Total, $"seed {seed}: rank {i} total below rank {i + 1}");
                }

                Assert.All(ranked, r => Assert.True(r.GapToNextClass is null or >= 0));
                Assert.All(ranked.Where(r => r.Override == OverrideKind.Veto), r => Assert.Equal(RatingClass.D, r.Class));
                Assert.All(ranked.Where(r => r.Override == OverrideKind.InvestmentA), r => Assert.Equal(RatingClass.A, r.Class));
                Assert.All(ranked.Where(r => r.Override == OverrideKind.ConstructionProtection), r => Assert.NotEqual(RatingClass.D, r.Class));
            }
        }
    }

    private static int[] Count(IEnumerable<RatingClass> classes)
    {
        var counts = new int[4];
        foreach (var c in classes)
        {
            counts[(int)c]++;
        }

        return counts;
    }
}
