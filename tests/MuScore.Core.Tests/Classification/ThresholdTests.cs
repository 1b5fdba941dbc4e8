using MuScore.Core.Rating;
using MuScore.Core.Tests.Builders;

namespace MuScore.Core.Tests.Classification;

/// <summary>Threshold mode (docs/method.md §5, "absolute score thresholds instead of quotas"): the rounded total decides.</summary>
public sealed class ThresholdTests
{
    [Theory]
    [InlineData("150", RatingClass.A)]
    [InlineData("300", RatingClass.A)]
    [InlineData("149.9999996", RatingClass.A)]
    [InlineData("149.999999", RatingClass.B)]
    [InlineData("100", RatingClass.B)]
    [InlineData("99.99", RatingClass.C)]
    [InlineData("50", RatingClass.C)]
    [InlineData("49.999999", RatingClass.D)]
    [InlineData("0", RatingClass.D)]
    public void Rate_ThresholdMode_ClassByRoundedTotal(string total, RatingClass expected)
    {
        var scheme = SchemeBuilder.TotalIsTaxPerMu().Thresholds(150, 100, 50).Build();
        var member = Pools.Scoring(1, decimal.Parse(total, System.Globalization.CultureInfo.InvariantCulture)).Build();

        // A single member: a quota of 1 would make it C whatever its total.
        var rating = Engine.Rate(scheme, member).Rated(member);
        Assert.Equal(expected, rating.Class);
    }

    [Fact]
    public void Rate_ThresholdMode_SharesAreNotCapped()
    {
        var scheme = SchemeBuilder.TotalIsTaxPerMu().Thresholds(150, 100, 50).Build();
        var members = Enumerable.Range(1, 10).Select(i => Pools.Scoring(i, 200 + i).Build()).ToArray();
        var run = Engine.Rate(scheme, members);

        Assert.All(members, r => Assert.Equal(RatingClass.A, run.Rated(r).Class));
        Assert.Equal([10, 0, 0, 0], run.PoolOf("ALL").ClassCounts);
    }

    [Fact]
    public void Rate_ThresholdModeWithVeto_VetoStillD()
    {
        var scheme = SchemeBuilder.TotalIsTaxPerMu().Thresholds(150, 100, 50).Build();
        var vetoed = Pools.Scoring(1, 500).FailsStandards().Build();
        Assert.Equal(RatingClass.D, Engine.Rate(scheme, vetoed).Rated(vetoed).Class);
    }
}
