using MuScore.Core.Indicators;
using MuScore.Core.Rating;
using MuScore.Core.Tests.Builders;

namespace MuScore.Core.Tests.Scoring;

/// <summary>Scoring readings chosen in docs/decisions.md where docs/method.md leaves a choice.</summary>
public sealed class ChosenReadingsTests
{
    [Fact]
    public void Rate_MinMaxAllValuesEqual_EveryoneEarnsFullWeight()
    {
        var scheme = new SchemeBuilder().MinMax().Pool("ALL").Item(Indicator.TaxPerMu, 40, SchemeBuilder.Fixed(1)).Build();
        var members = Enumerable.Range(1, 3).Select(i => EnterpriseBuilder.Create(i).Land(5).Tax(50).Build()).ToArray();

        var run = Engine.Rate(scheme, members);

        Assert.All(members, m => Assert.Equal(40.0, run.Rated(m).Items[0].Score));
    }

    [Fact]
    public void Rate_MinMaxZeroDenominator_PositiveIsTopOtherwiseBottom()
    {
        var scheme = new SchemeBuilder().MinMax().Pool("ALL").Item(Indicator.VaPerEnergy, 10, SchemeBuilder.Fixed(1)).Build();
        var positive = EnterpriseBuilder.Create(1).ValueAdded(100).Energy(0).Build();
        var negative = EnterpriseBuilder.Create(2).ValueAdded(-5).Energy(0).Build();
        var low = EnterpriseBuilder.Create(3).ValueAdded(10).Energy(10).Build();
        var high = EnterpriseBuilder.Create(4).ValueAdded(30).Energy(10).Build();

        var run = Engine.Rate(scheme, positive, negative, low, high);

        Assert.Equal(10.0, run.Rated(positive).Items[0].Score);
        Assert.Equal(2.0, run.Rated(negative).Items[0].Score, Expected.Tolerance);
        Assert.Equal(ItemBasis.ZeroDenominator, run.Rated(negative).Items[0].Basis);
    }

    [Fact]
    public void Rate_PositiveFloor_LiftsLowAndNegativeValuesToFloorTimesWeight()
    {
        var scheme = new SchemeBuilder().Pool("ALL").Item(Indicator.VaPerMu, 20, SchemeBuilder.Fixed(10)).Build() with { Floor = 0.5 };
        var loss = EnterpriseBuilder.Create(1).Land(1).ValueAdded(-3).Build();
        var small = EnterpriseBuilder.Create(2).Land(1).ValueAdded(2).Build();
        var good = EnterpriseBuilder.Create(3).Land(1).ValueAdded(15).Build();

        var run = Engine.Rate(scheme, loss, small, good);

        Assert.Equal(10.0, run.Rated(loss).Items[0].Score);
        Assert.Equal(10.0, run.Rated(small).Items[0].Score);
        Assert.Equal(30.0, run.Rated(good).Items[0].Score, Expected.Tolerance);
    }

    [Fact]
    public void Rate_ShuffledRows_ImputedMeansAreBitIdentical()
    {
        var scheme = new SchemeBuilder().Pool("ALL").Item(Indicator.VaPerEnergy, 20, SchemeBuilder.Aggregate()).Build();
        var members = Enumerable.Range(1, 60)
            .Select(i => EnterpriseBuilder.Create(i).ValueAdded(i * 7.3m).Energy(i % 5 == 0 ? null : 1.1m + (i % 13)).Build())
            .ToArray();
        var blank = members[4];

        var forward = Engine.Rate(scheme, members).Rated(blank).Items[0].Score;
        var backward = Engine.Rate(scheme, [.. members.Reverse()]).Rated(blank).Items[0].Score;

        Assert.True(Bits(forward) == Bits(backward), $"{forward:R} vs {backward:R}");

        static long Bits(double value) => BitConverter.DoubleToInt64Bits(value);
    }
}
