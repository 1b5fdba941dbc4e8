using MuScore.Core.Rating;
using MuScore.Core.Tests.Builders;

namespace MuScore.Core.Tests.Classification;

/// <summary>
/// Threshold mode readings chosen in docs/decisions.md: construction-period protection grades against
/// the thresholds themselves, and the gap is the next class's threshold minus the total.
/// </summary>
public sealed class ThresholdReadingsTests
{
    [Theory]
    [InlineData(160, RatingClass.A)]
    [InlineData(120, RatingClass.B)]
    [InlineData(60, RatingClass.C)]
    [InlineData(10, RatingClass.C)]
    public void Rate_ProtectionUnderThresholds_GradedByThresholdsWithDLiftedToC(int total, RatingClass expected)
    {
        var scheme = SchemeBuilder.TotalIsTaxPerMu().Thresholds(150, 100, 50).Build();
        var protectedOne = Pools.Scoring(1, total).Construction(5_000).Build();
        var others = Enumerable.Range(2, 5).Select(i => Pools.Scoring(i, 40).Build()).ToArray();

        var rating = Engine.Rate(scheme, [protectedOne, .. others]).Rated(protectedOne);

        Assert.Equal(OverrideKind.ConstructionProtection, rating.Override);
        Assert.Equal(expected, rating.Class);
    }

    [Theory]
    [InlineData(120, 30.0)]
    [InlineData(60, 40.0)]
    [InlineData(20, 30.0)]
    public void Rate_GapUnderThresholds_IsNextThresholdMinusTotal(int total, double expectedGap)
    {
        var scheme = SchemeBuilder.TotalIsTaxPerMu().Thresholds(150, 100, 50).Build();
        var member = Pools.Scoring(1, total).Build();

        Assert.Equal(expectedGap, Engine.Rate(scheme, member).Rated(member).GapToNextClass);
    }

    [Fact]
    public void Rate_ClassAUnderThresholds_HasNoGap()
    {
        var scheme = SchemeBuilder.TotalIsTaxPerMu().Thresholds(150, 100, 50).Build();
        var member = Pools.Scoring(1, 151).Build();

        Assert.Null(Engine.Rate(scheme, member).Rated(member).GapToNextClass);
    }
}
