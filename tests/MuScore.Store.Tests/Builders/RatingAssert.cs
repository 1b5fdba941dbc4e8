using MuScore.Core.Rating;

namespace MuScore.Store.Tests.Builders;

/// <summary>Bit-exact comparison of stored ratings: doubles by their IEEE bits, decimals by their bits (scale included).</summary>
internal static class RatingAssert
{
    public static void Identical(StoredRating expected, StoredRating actual)
    {
        Assert.Equal(expected.CreditCode, actual.CreditCode);
        Assert.Equal(expected.Name, actual.Name);
        Assert.Equal(expected.Region, actual.Region);
        Assert.Equal(expected.Year, actual.Year);
        Assert.Equal(expected.Industry, actual.Industry);
        Assert.Equal(expected.Scale, actual.Scale);
        Assert.Equal(expected.Status, actual.Status);
        Assert.Equal(expected.ExclusionReasons, actual.ExclusionReasons);
        Bits(expected.LandMu, actual.LandMu);
        Assert.Equal(expected.Division, actual.Division);
        Assert.Equal(expected.Figures is null, actual.Figures is null);
        if (expected.Figures is { } ef && actual.Figures is { } af)
        {
            Bits(ef.TaxWan, af.TaxWan);
            Bits(ef.RevenueWan, af.RevenueWan);
            Bits(ef.ValueAddedWan, af.ValueAddedWan);
            Bits(ef.Employees, af.Employees);
        }

        Assert.Equal(expected.Rating is null, actual.Rating is null);
        if (expected.Rating is { } e && actual.Rating is { } a)
        {
            Identical(e, a);
        }
    }

    public static void Identical(EnterpriseRating expected, EnterpriseRating actual)
    {
        Assert.Equal(expected.Pool, actual.Pool);
        Bits(expected.LandMu, actual.LandMu);
        Assert.Equal(expected.Items.Count, actual.Items.Count);
        for (var i = 0; i < expected.Items.Count; i++)
        {
            var (x, y) = (expected.Items[i], actual.Items[i]);
            Assert.Equal(x.Indicator, y.Indicator);
            Bits(x.Value, y.Value);
            Bits(x.Benchmark, y.Benchmark);
            Bits(x.Weight, y.Weight);
            Bits(x.Score, y.Score);
            Assert.Equal(x.Basis, y.Basis);
        }

        Bits(expected.Bonus, actual.Bonus);
        Bits(expected.Penalty, actual.Penalty);
        Bits(expected.Total, actual.Total);
        Assert.Equal(expected.Rank, actual.Rank);
        Assert.Equal(expected.PoolSize, actual.PoolSize);
        Bits(expected.Percentile, actual.Percentile);
        Assert.Equal(expected.QuotaRank, actual.QuotaRank);
        Assert.Equal(expected.QuotaPoolSize, actual.QuotaPoolSize);
        Assert.Equal(expected.Class, actual.Class);
        Assert.Equal(expected.Override, actual.Override);
        Bits(expected.GapToNextClass, actual.GapToNextClass);
        Assert.Equal(expected.ConsecutiveDYears, actual.ConsecutiveDYears);
    }

    private static void Bits(double? expected, double? actual)
    {
        Assert.Equal(expected.HasValue, actual.HasValue);
        if (expected is { } e && actual is { } a)
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(e), BitConverter.DoubleToInt64Bits(a));
        }
    }

    private static void Bits(decimal expected, decimal actual) => Assert.Equal(decimal.GetBits(expected), decimal.GetBits(actual));

    private static void Bits(decimal? expected, decimal? actual)
    {
        Assert.Equal(expected.HasValue, actual.HasValue);
        if (expected is { } e && actual is { } a)
        {
            Bits(e, a);
        }
    }
}
