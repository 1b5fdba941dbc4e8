using MuScore.Core.Indicators;
using MuScore.Core.Tests.Builders;

namespace MuScore.Core.Tests.Scoring;

/// <summary>Totals (docs/method.md §5, §10): Σ items in scheme order + bonus − penalty, rounded to 6 decimals half-to-even.</summary>
public sealed class TotalTests
{
    [Fact]
    public void Rate_BonusAndPenalty_AreAddedAndSubtracted()
    {
        var scheme = new SchemeBuilder().Pool("ALL")
            .Item(Indicator.TaxPerMu, 30, SchemeBuilder.Fixed(20))
            .Item(Indicator.RevenuePerMu, 20, SchemeBuilder.Fixed(100))
            .Build();
        var member = EnterpriseBuilder.Create(1).Land(10).Tax(100).Revenue(3000).Points(5, 2.5m).Build();
        var rating = Engine.Rate(scheme, member).Rated(member);

        // 30 × 10/20 + 20 × 300/100 + 5 − 2.5.
        Assert.Equal(15.0 + 60.0 + 5 - 2.5, rating.Total);
        Assert.Equal(5.0, rating.Bonus);
        Assert.Equal(2.5, rating.Penalty);
    }

    [Fact]
    public void Rate_PenaltyAboveScore_TotalMayBeNegative()
    {
        var member = Pools.Scoring(1, 3).Points(0, 10).Build();
        Assert.Equal(-7.0, Engine.Rate(SchemeBuilder.TotalIsTaxPerMu().Build(), member).Rated(member).Total);
    }

    [Theory]
    [InlineData("12.3456784", 12.345678)]
    [InlineData("12.3456786", 12.345679)]
    [InlineData("0.0000004", 0.0)]
    [InlineData("99.9999996", 100.0)]
    public void Rate_Total_IsRoundedToSixDecimals(string total, double expected)
    {
        var member = Pools.Scoring(1, decimal.Parse(total, System.Globalization.CultureInfo.InvariantCulture)).Build();
        Assert.Equal(expected, Engine.Rate(SchemeBuilder.TotalIsTaxPerMu().Build(), member).Rated(member).Total);
    }

    [Theory]
    [InlineData("0.0000025", 0.000002)]
    [InlineData("0.0000035", 0.000004)]
    [InlineData("0.0000005", 0.0)]
    [InlineData("2.0000125", 2.000012)]
    [InlineData("7.1234565", 7.123456)]
    public void Rate_TotalAtAMidpoint_RoundsHalfToEven(string total, double expected)
    {
        // docs/method.md §10 fixes the reading as Math.Round(x, 6): away from zero would give 0.000003,
        // 0.000004, 0.000001, 2.000013 and 7.123457.
        var member = Pools.Scoring(1, decimal.Parse(total, System.Globalization.CultureInfo.InvariantCulture)).Build();
        Assert.Equal(expected, Engine.Rate(SchemeBuilder.TotalIsTaxPerMu().Build(), member).Rated(member).Total);
    }
}
