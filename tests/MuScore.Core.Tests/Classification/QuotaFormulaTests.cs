using MuScore.Core.Classification;
using MuScore.Core.Rating;
using MuScore.Core.Tests.Builders;

namespace MuScore.Core.Tests.Classification;

/// <summary>docs/method.md §6 and §10: ⌊n·20/100⌋ A, ⌊n·60/100⌋ − ⌊n·20/100⌋ B, ⌊n·5/100⌋ D, the rest C.</summary>
public sealed class QuotaFormulaTests
{
    [Theory]
    [InlineData(1, 0, 0, 1, 0)]
    [InlineData(2, 0, 1, 1, 0)]
    [InlineData(19, 3, 8, 8, 0)]
    [InlineData(20, 4, 8, 7, 1)]
    [InlineData(21, 4, 8, 8, 1)]
    [InlineData(100, 20, 40, 35, 5)]
    public void ClassOf_DefaultQuotas_GivesTheFlooredCounts(int n, int a, int b, int c, int d)
    {
        var classes = Enumerable.Range(1, n).Select(p => QuotaFormula.ClassOf(p, n, 20m, 40m, 5m)).ToList();

        Assert.Equal([a, b, c, d], CountByClass(classes));
        Assert.Equal(Expected.QuotaCounts(n), (a, b, c, d));

        // Classes run best to worst down the ranking.
        Assert.Equal(classes.OrderBy(x => x), classes);
    }

    [Fact]
    public void Bounds_EveryPoolUpTo500_MatchesIntegerArithmetic()
    {
        for (var n = 0; n <= 500; n++)
        {
            Assert.Equal((n * 20 / 100, n * 60 / 100, n * 5 / 100), QuotaFormula.Bounds(n, 20m, 40m, 5m));
            for (var p = 1; p <= n; p++)
            {
                Assert.Equal(Expected.QuotaClass(p, n), QuotaFormula.ClassOf(p, n, 20m, 40m, 5m));
            }
        }
    }

    [Theory]
    [InlineData(10, 30, 8)]
    [InlineData(25, 25, 10)]
    [InlineData(0, 50, 0)]
    public void ClassOf_OtherQuotas_FollowsTheFormula(int a, int b, int d)
    {
        for (var n = 1; n <= 300; n++)
        {
            for (var p = 1; p <= n; p++)
            {
                Assert.Equal(Expected.QuotaClass(p, n, a, b, d), QuotaFormula.ClassOf(p, n, (decimal)a, (decimal)b, (decimal)d));
            }
        }
    }

    [Fact]
    public void ClassOf_FractionalPercent_FloorsExactly()
    {
        // 12.5% of 8 is exactly 1; of 7 it is 0.875 → 0 A places.
        Assert.Equal((1, 4, 0), QuotaFormula.Bounds(8, 12.5m, 37.5m, 5m));
        Assert.Equal((0, 3, 0), QuotaFormula.Bounds(7, 12.5m, 37.5m, 5m));
    }

    internal static int[] CountByClass(IEnumerable<RatingClass> classes)
    {
        var counts = new int[4];
        foreach (var c in classes)
        {
            counts[(int)c]++;
        }

        return counts;
    }
}
